package com.aegisspeed.user.password;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * How many Argon2id hashes run at once ({@code threads}; each holds 19 MiB), how many may wait ({@code queue}),
 * how many one client address or one account may have waiting or running ({@code perClient}) and for how long one
 * may wait ({@code maxWait}). A request finding the queue full is refused at once, one still waiting after
 * {@code maxWait} then (429 {@code 00001}), instead of piling up memory or finishing after its caller gave up.
 */
@ConfigurationProperties("aegis.user.password-hashing")
public record PasswordHashingConfiguration(
        @Bindable(defaultValue = "2") int threads,
        @Bindable(defaultValue = "64") int queue,
        @Bindable(defaultValue = "8") int perClient,
        @Bindable(defaultValue = "1s") Duration maxWait) {
}
