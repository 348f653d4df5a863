package com.aegisspeed.common.maintenance;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

import java.util.List;

/**
 * The service's own maintenance switch (docs/contract.md), {@code aegis.maintenance.closed-endpoints}
 * (environment: {@code AEGIS_MAINTENANCE_CLOSED_ENDPOINTS}, comma-separated): public endpoint paths this
 * service refuses, or {@code *} for all of them.
 */
@ConfigurationProperties("aegis.maintenance")
public record MaintenanceConfiguration(@Nullable List<String> closedEndpoints) {

    static final String ALL = "*";

    public MaintenanceConfiguration {
        closedEndpoints = closedEndpoints == null ? List.of() : List.copyOf(closedEndpoints);
    }

    boolean closes(String path) {
        return closedEndpoints.contains(ALL) || closedEndpoints.contains(path);
    }
}
