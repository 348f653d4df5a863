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
        closedEndpoints = closedEndpoints == null ? List.of()
                : closedEndpoints.stream().map(String::trim).map(MaintenanceConfiguration::withoutTrailingSlashes).toList();
    }

    boolean closes(String path) {
        return closedEndpoints.contains(ALL) || closedEndpoints.contains(withoutTrailingSlashes(path));
    }

    /** The router serves {@code /a/b/} as {@code /a/b}, so the switch must close both spellings. */
    private static String withoutTrailingSlashes(String path) {
        int end = path.length();
        while (end > 1 && path.charAt(end - 1) == '/') {
            end--;
        }
        return path.substring(0, end);
    }
}
