package com.aegisspeed.common.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;

/**
 * A user as user-service's internal API describes it to other services (docs/internal-api.md). Unmasked:
 * it never leaves the cluster as it is.
 *
 * @param publicId the opaque id tokens carry as {@code sub}
 * @param idNumber the plain ID number
 * @param state    {@code active} or {@code cheater}
 */
@Serdeable
public record InternalUser(
        @JsonProperty("public_id") String publicId,
        @JsonProperty("user_id") String idNumber,
        @JsonProperty("user_name") String name,
        @JsonProperty("user_AegisSpeed_id") String aegisSpeedId,
        @JsonProperty("user_phone_number") String phoneNumber,
        @JsonProperty("user_email") String email,
        @JsonProperty("user_role") String role,
        @JsonProperty("user_state") String state) {

    public static final String ACTIVE = "active";
    public static final String CHEATER = "cheater";

    public boolean isCheater() {
        return CHEATER.equals(state);
    }
}
