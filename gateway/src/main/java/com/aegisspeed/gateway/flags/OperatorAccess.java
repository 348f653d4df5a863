package com.aegisspeed.gateway.flags;

import com.aegisspeed.common.envelope.Refusal;
import com.aegisspeed.common.authservice.AuthInternalClient;
import com.aegisspeed.common.token.VerifiedToken;
import com.aegisspeed.gateway.GatewayCodes.Operator;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;

/**
 * The operator API under {@code /admin} is for a {@code 管理员} or {@code 超级管理员} token (checked by
 * micronaut-security's {@code @Secured}, refused 403 {@value Operator#ROLE_NOT_ALLOWED}) presenting a valid dynamic
 * admin secret ({@code X-Admin-Secret}, docs/contract.md), checked here. One check for every {@code /admin}
 * endpoint, the read-only ones included.
 */
@Singleton
public class OperatorAccess {

    private final AuthInternalClient auth;

    public OperatorAccess(AuthInternalClient auth) {
        this.auth = auth;
    }

    /** The dynamic secret, which auth-service checks against the token (the role was checked before). */
    public void require(VerifiedToken token, @Nullable String secret) {
        if (!auth.isValidAdminSecret(secret, token)) {
            throw new Refusal(HttpStatus.UNAUTHORIZED, Operator.ADMIN_SECRET_INVALID, "Dynamic admin secret expired or invalid");
        }
    }
}
