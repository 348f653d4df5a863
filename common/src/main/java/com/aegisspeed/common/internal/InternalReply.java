package com.aegisspeed.common.internal;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.serde.annotation.Serdeable;

/** The envelope as an internal caller reads it, with its payload typed. */
@Serdeable
public record InternalReply<T>(int status, String code, String result, @Nullable T data) {

    /** The type to decode a reply carrying {@code dataType} into. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static <T> Argument<InternalReply<T>> typeOf(Class<T> dataType) {
        return (Argument) Argument.of(InternalReply.class, dataType);
    }
}
