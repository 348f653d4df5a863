package com.aegisspeed.anticheat.admin;

import com.aegisspeed.anticheat.AnticheatCodes.Admin;
import com.aegisspeed.common.envelope.Refusal;
import com.aegisspeed.common.authservice.AuthInternalClient;
import com.aegisspeed.common.token.VerifiedToken;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;

/**
 * Admin endpoints need a token holding any admin role (the controller's {@code @Secured}, refused 403
 * {@code 10005}) and the dynamic admin secret issued for that very token (docs/contract.md), which auth-service
 * verifies here.
 */
@Singleton
public class AdminGuard {

    private final AuthInternalClient auth;

    public AdminGuard(AuthInternalClient auth) {
        this.auth = auth;
    }

    static final String NOT_ADMIN_TEXT = "This account is not an admin account";

    /** @throws Refusal when the secret is missing, wrong or expired */
    void requireAdmin(VerifiedToken token, @Nullable String adminSecret) {
        if (!auth.isValidAdminSecret(adminSecret, token)) {
            throw new Refusal(HttpStatus.UNAUTHORIZED, Admin.ADMIN_SECRET_INVALID,
                    "Dynamic admin secret expired or invalid");
        }
    }
}
