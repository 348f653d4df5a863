package com.aegisspeed.gateway.token;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code aegis.gateway.token-cache.*}: checked tokens are trusted for {@code trust}, and the cache holds at most
 * {@code maxKilobytes} of them (token text plus {@link #ENTRY_OVERHEAD} per entry), least recently used first out.
 */
@ConfigurationProperties("aegis.gateway.token-cache")
public record TokenCacheConfiguration(Duration trust, int maxKilobytes) {

    /** Rough bytes per entry besides the token: the verified claims and the cache's own node. */
    static final int ENTRY_OVERHEAD = 256;
}
