package com.aegisspeed.common.token;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code aegis.jwt.token-cache.*}: a token whose signature was verified is trusted for {@code trust} without
 * verifying it again, and the cache holds at most {@code maxKilobytes} of them (token text plus
 * {@link #ENTRY_OVERHEAD} per entry), least recently used first out.
 */
@ConfigurationProperties("aegis.jwt.token-cache")
public record TokenCacheConfiguration(Duration trust, int maxKilobytes) {

    /** Rough bytes per entry besides the token: the cache's own node. */
    static final int ENTRY_OVERHEAD = 128;
}
