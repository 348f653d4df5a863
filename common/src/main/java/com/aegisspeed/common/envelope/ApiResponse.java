package com.aegisspeed.common.envelope;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.http.HttpStatus;
import io.micronaut.serde.annotation.Serdeable;

import java.util.Map;

/**
 * The envelope every response carries (docs/contract.md):
 * {@code {"status", "code", "result", "data"}}, plus {@code "token"} on token-issuing endpoints.
 *
 * @param status mirrors the HTTP status code
 * @param code   the 5-digit business code clients key on
 * @param result human-readable text; clients must not parse it
 * @param data   the payload, {@code {}} on errors
 * @param token  only on token-issuing endpoints ({@code ""} on error); omitted elsewhere
 */
@Serdeable
public record ApiResponse(
        int status,
        String code,
        String result,
        Object data,
        @JsonInclude(JsonInclude.Include.NON_NULL) String token) {

    private static final Map<String, Object> EMPTY = Map.of();

    public static ApiResponse success(String result, Object data) {
        return new ApiResponse(HttpStatus.OK.getCode(), Codes.SUCCESS, result, data == null ? EMPTY : data, null);
    }

    public static ApiResponse error(HttpStatus status, String code, String result) {
        return new ApiResponse(status.getCode(), code, result, EMPTY, null);
    }

    public static ApiResponse tokenError(HttpStatus status, String code, String result) {
        return new ApiResponse(status.getCode(), code, result, EMPTY, "");
    }
}
