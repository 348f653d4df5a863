package com.aegisspeed.common.token;

import java.time.Duration;

/** Every token lives exactly 7 days (DECISIONS.md §4). */
public final class TokenLifetime {
    public static final Duration LIFETIME = Duration.ofDays(7);

    private TokenLifetime() {
    }
}
