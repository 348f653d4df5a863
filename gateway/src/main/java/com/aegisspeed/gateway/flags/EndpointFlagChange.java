package com.aegisspeed.gateway.flags;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

import java.time.LocalDateTime;

/** A row of {@code endpoint_flag_changes}: who (AegisSpeed ID) changed which endpoint from what to what, and when (UTC). */
@MappedEntity("endpoint_flag_changes")
public record EndpointFlagChange(
        @Id @GeneratedValue @Nullable Long id,
        String endpointPath,
        boolean wasOpen,
        @MappedProperty("is_open") boolean nowOpen,
        String changedBy,
        LocalDateTime changedAt) {
}
