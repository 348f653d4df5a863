package com.aegisspeed.gateway.flags;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

import java.time.LocalDateTime;

/** A row of {@code endpoint_flags}: one endpoint's state and when it last changed (UTC). */
@MappedEntity("endpoint_flags")
public record EndpointFlag(
        @Id String endpointPath,
        String serviceName,
        @MappedProperty("is_open") boolean open,
        LocalDateTime updatedAt) {
}
