package com.aegisspeed.common.token;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code aegis.jwt.token-cache.*}: a token whose signature was verified is trusted for {@code trust} without
 * verifying it again, and the cache holds at most {@code maxKilobytes} of them ({@link #weightOf}), least recently
 * used first out.
 */
@ConfigurationProperties("aegis.jwt.token-cache")
public record TokenCacheConfiguration(Duration trust, int maxKilobytes) {

    /**
     * Rough bytes one remembered token holds: its text, and the parsed token, which keeps each part both encoded
     * and decoded, the header and claims as maps, and the cache's own node.
     */
    static int weightOf(String token) {
        return 4 * token.length() + 1024;
    }
}
