package com.aegisspeed.common.token;

import java.time.Duration;

/** Every token lives exactly 7 days (docs/contract.md). */
public final class TokenLifetime {
    public static final Duration LIFETIME = Duration.ofDays(7);

    private TokenLifetime() {
    }
}
