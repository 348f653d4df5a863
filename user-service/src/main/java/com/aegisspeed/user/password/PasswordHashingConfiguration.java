package com.aegisspeed.user.password;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * How many Argon2id hashes run at once ({@code threads}; each holds 19 MiB) and how many may wait
 * ({@code queue}); beyond that a request fails fast instead of piling up memory.
 */
@ConfigurationProperties("aegis.user.password-hashing")
public record PasswordHashingConfiguration(
        @Bindable(defaultValue = "2") int threads,
        @Bindable(defaultValue = "64") int queue) {
}
