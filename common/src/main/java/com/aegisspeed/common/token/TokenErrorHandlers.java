package com.aegisspeed.common.token;

import com.aegisspeed.common.envelope.Codes;
import com.aegisspeed.common.envelope.DeclaredEndpoint;
import com.aegisspeed.common.envelope.Envelope;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.security.authentication.AuthorizationException;
import io.micronaut.security.authentication.DefaultAuthorizationExceptionHandler;
import jakarta.inject.Singleton;

/**
 * Answers token problems in the endpoint's own envelope: 401 with its token-invalid code, the role refusal it
 * declares, or 503 {@code 00002}. micronaut-security's own rejections (no valid token, or not the role an
 * endpoint's {@code @Secured} asks for) come here too, instead of its bare 401/403.
 */
@Factory
public class TokenErrorHandlers {

    public static final String TOKEN_INVALID_TEXT = "Token expired or invalid";

    @Singleton
    ExceptionHandler<TokenRejectedException, HttpResponse<?>> tokenRejected() {
        return (request, e) -> tokenInvalid(request);
    }

    @Singleton
    @Replaces(DefaultAuthorizationExceptionHandler.class)
    ExceptionHandler<AuthorizationException, HttpResponse<?>> securityRejected() {
        return (request, e) -> {
            if (!e.isForbidden()) {
                return tokenInvalid(request);
            }
            return DeclaredEndpoint.roleRefusal(request)
                    .<HttpResponse<?>>map(refusal -> answer(request, refusal.status(), refusal.code(), refusal.text()))
                    .orElseGet(() -> tokenInvalid(request));
        };
    }

    @Singleton
    ExceptionHandler<TokenCheckUnavailableException, HttpResponse<?>> tokenCheckUnavailable() {
        return (request, e) -> answer(request, HttpStatus.SERVICE_UNAVAILABLE, Codes.UPSTREAM_UNAVAILABLE,
                "Service unavailable");
    }

    private static HttpResponse<?> tokenInvalid(HttpRequest<?> request) {
        return answer(request, HttpStatus.UNAUTHORIZED, DeclaredEndpoint.of(request)
                .map(DeclaredEndpoint::tokenInvalidCode).orElse(DeclaredEndpoint.DEFAULT_TOKEN_INVALID_CODE),
                TOKEN_INVALID_TEXT);
    }

    private static HttpResponse<?> answer(HttpRequest<?> request, HttpStatus status, String code, String text) {
        Envelope shape = DeclaredEndpoint.of(request).map(DeclaredEndpoint::envelope).orElse(Envelope.STANDARD);
        return HttpResponse.status(status).body(DeclaredEndpoint.errorBody(shape, status, code, text));
    }
}
