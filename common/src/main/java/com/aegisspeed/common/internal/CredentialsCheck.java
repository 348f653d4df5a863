package com.aegisspeed.common.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** A login attempt as auth-service hands it to user-service ({@code POST /internal/users/credentials}): one of the two ids. */
@Serdeable
public record CredentialsCheck(
        @Nullable @JsonProperty("user_id") String idNumber,
        @Nullable @JsonProperty("user_AegisSpeed_id") String aegisSpeedId,
        @JsonProperty("user_password") String password) {
}
