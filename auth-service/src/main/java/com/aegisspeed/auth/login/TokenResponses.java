package com.aegisspeed.auth.login;

import com.aegisspeed.common.envelope.ApiResponse;
import com.aegisspeed.common.envelope.Codes;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;

import java.time.Duration;

/** Answers in the token envelope (docs/contract.md): the token on success, {@code ""} on every error. */
public final class TokenResponses {

    static final String RATE_LIMITED_TEXT = "Too many failed login attempts, try again later";

    private TokenResponses() {
    }

    public static HttpResponse<ApiResponse> issued(String result, Object data, String token) {
        return HttpResponse.ok(new ApiResponse(HttpStatus.OK.getCode(), Codes.SUCCESS, result, data, token));
    }

    public static HttpResponse<ApiResponse> error(HttpStatus status, String code, String result) {
        return HttpResponse.status(status).body(ApiResponse.tokenError(status, code, result));
    }

    /** 429 {@code 00001} with {@code Retry-After} in whole seconds, rounded up. */
    public static HttpResponse<ApiResponse> rateLimited(Duration wait, boolean tokenEnvelope) {
        HttpStatus status = HttpStatus.TOO_MANY_REQUESTS;
        ApiResponse body = tokenEnvelope
                ? ApiResponse.tokenError(status, Codes.RATE_LIMITED, RATE_LIMITED_TEXT)
                : ApiResponse.error(status, Codes.RATE_LIMITED, RATE_LIMITED_TEXT);
        return HttpResponse.status(status).body(body).header("Retry-After", String.valueOf(retryAfterSeconds(wait)));
    }

    static long retryAfterSeconds(Duration wait) {
        long seconds = wait.toSeconds();
        return wait.toNanosPart() > 0 ? seconds + 1 : Math.max(seconds, 1);
    }
}
