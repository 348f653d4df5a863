package com.aegisspeed.auth.login;

import com.aegisspeed.common.envelope.ApiResponse;
import com.aegisspeed.common.envelope.Codes;
import com.aegisspeed.common.envelope.Overloaded;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;

import java.time.Duration;

/**
 * Answers in the token envelope (docs/contract.md) on success; every refusal is thrown and answered in the same
 * envelope ({@code token: ""}) by the shared refusal handling.
 */
public final class TokenResponses {

    private static final String LOCKED_TEXT = "Too many failed login attempts, try again later";

    private TokenResponses() {
    }

    public static HttpResponse<ApiResponse> issued(String result, Object data, String token) {
        return HttpResponse.ok(new ApiResponse(HttpStatus.OK.getCode(), Codes.SUCCESS, result, data, token));
    }

    /** The refusal of an attempt while its account or address is locked: 429 {@code 00001} with {@code Retry-After}. */
    public static Overloaded locked(Duration wait) {
        return new Overloaded(wait, LOCKED_TEXT);
    }
}
