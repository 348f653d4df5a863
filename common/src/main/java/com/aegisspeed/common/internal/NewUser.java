package com.aegisspeed.common.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** A validated registration, as auth-service hands it to user-service ({@code POST /internal/users}). */
@Serdeable
public record NewUser(
        @JsonProperty("user_id") String idNumber,
        @JsonProperty("user_name") String name,
        @JsonProperty("user_phone_number") String phoneNumber,
        @JsonProperty("user_email") String email,
        @JsonProperty("user_password") String password,
        @Nullable @JsonProperty("user_role") String role) {
}
