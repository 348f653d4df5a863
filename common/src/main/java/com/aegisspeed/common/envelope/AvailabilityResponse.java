package com.aegisspeed.common.envelope;

import io.micronaut.http.HttpStatus;
import io.micronaut.serde.annotation.Serdeable;

/**
 * The availability-check envelope of the reference API (docs/contract.md): {@code info} is the text and
 * {@code result} a boolean, {@code true} meaning "already taken". Errors answer {@code result: false}.
 */
@Serdeable
public record AvailabilityResponse(int status, String code, String info, boolean result) {

    public static AvailabilityResponse error(HttpStatus status, String code, String info) {
        return new AvailabilityResponse(status.getCode(), code, info, false);
    }
}
