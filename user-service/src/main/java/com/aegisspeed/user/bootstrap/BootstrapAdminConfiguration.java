package com.aegisspeed.user.bootstrap;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/**
 * The first super-admin, created at a start that finds none ({@code AEGIS_BOOTSTRAP_ADMIN_*}).
 * Without a password one is generated and kept in the data folder ({@link FirstSuperAdmin}), never logged.
 */
@ConfigurationProperties("aegis.bootstrap-admin")
public record BootstrapAdminConfiguration(
        String userId,
        String userName,
        String phoneNumber,
        String email,
        @Nullable String password) {
}
