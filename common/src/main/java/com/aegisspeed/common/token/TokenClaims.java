package com.aegisspeed.common.token;

/** Names of the project's own claims, beside the registered ones (docs/internal-api.md). */
public final class TokenClaims {
    public static final String AEGISSPEED_ID = "aegisspeed_id";
    public static final String ROLES = "roles";

    private TokenClaims() {
    }
}
