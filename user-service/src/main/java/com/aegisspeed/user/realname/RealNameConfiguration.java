package com.aegisspeed.user.realname;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * How many real-name checks one ID number may have per window, whoever asks: guessing the name that goes with
 * an ID number takes many checks, and each check may cost money at the provider. Clients are limited per address
 * at the gateway as well.
 */
@ConfigurationProperties("aegis.real-name")
public record RealNameConfiguration(
        @Bindable(defaultValue = "5") int checksPerIdNumber,
        @Bindable(defaultValue = "1h") Duration window) {
}
