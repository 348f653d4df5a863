package com.aegisspeed.anticheat.admin;

import com.aegisspeed.common.envelope.Refusal;
import com.aegisspeed.common.internal.AuthInternalClient;
import com.aegisspeed.common.token.VerifiedToken;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;

/**
 * Admin endpoints need a token holding any admin role and the dynamic admin secret issued for that very
 * token (docs/contract.md), which auth-service verifies.
 */
@Singleton
public class AdminGuard {

    private final AuthInternalClient auth;

    public AdminGuard(AuthInternalClient auth) {
        this.auth = auth;
    }

    /** @throws Refusal when the token is not an admin's or the secret is missing, wrong or expired */
    void requireAdmin(VerifiedToken token, @Nullable String adminSecret) {
        if (!token.isAdmin()) {
            throw new Refusal(HttpStatus.FORBIDDEN, AdminCodes.NOT_ADMIN, "This account is not an admin account");
        }
        if (!auth.isValidAdminSecret(adminSecret, token)) {
            throw new Refusal(HttpStatus.UNAUTHORIZED, AdminCodes.ADMIN_SECRET_INVALID,
                    "Dynamic admin secret expired or invalid");
        }
    }
}
