package com.aegisspeed.gateway.ratelimit;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * At most {@code limit} requests per fixed {@code window}, the window starting with a client's first request.
 * Written in configuration as {@code N/unit}, several separated by commas ({@code 10/s, 300/min, 5000/h,
 * 20000/d}); {@code none} or empty means no limit.
 */
public record RateLimit(long limit, Duration window) {

    private static final Map<String, Duration> UNITS = Map.of(
            "s", Duration.ofSeconds(1), "sec", Duration.ofSeconds(1), "second", Duration.ofSeconds(1),
            "m", Duration.ofMinutes(1), "min", Duration.ofMinutes(1), "minute", Duration.ofMinutes(1),
            "h", Duration.ofHours(1), "hour", Duration.ofHours(1),
            "d", Duration.ofDays(1), "day", Duration.ofDays(1));

    public RateLimit {
        if (limit < 1) {
            throw new IllegalArgumentException("a rate limit allows at least 1 request, not " + limit);
        }
    }

    /** A bucket holding {@code limit} tokens that is filled up again, at once, {@code window} after it was last. */
    Bandwidth bandwidth() {
        return Bandwidth.builder().capacity(limit).refillIntervally(limit, window).build();
    }

    /** One bucket enforcing all of {@code limits} at once. */
    static BucketConfiguration configuration(List<RateLimit> limits) {
        return new BucketConfiguration(limits.stream().map(RateLimit::bandwidth).toList());
    }

    /** The longest window: after that long without a request, a bucket is full again and can be forgotten. */
    static Duration longestWindow(List<RateLimit> limits) {
        return limits.stream().map(RateLimit::window).max(Duration::compareTo).orElse(Duration.ZERO);
    }

    /** @throws IllegalArgumentException on anything but the syntax above, so a typo stops the gateway at start */
    public static List<RateLimit> parseAll(String spec) {
        String trimmed = spec.trim();
        if (trimmed.isEmpty() || trimmed.equalsIgnoreCase("none")) {
            return List.of();
        }
        List<RateLimit> limits = new ArrayList<>();
        for (String part : trimmed.split(",")) {
            String[] countAndUnit = part.trim().split("/");
            Duration window = countAndUnit.length == 2
                    ? UNITS.get(countAndUnit[1].trim().toLowerCase(Locale.ROOT)) : null;
            if (window == null) {
                throw new IllegalArgumentException("rate limit '" + part.trim() + "' is not N/s, N/min, N/h or N/d");
            }
            try {
                limits.add(new RateLimit(Long.parseLong(countAndUnit[0].trim()), window));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("rate limit '" + part.trim() + "' does not start with a number");
            }
        }
        return List.copyOf(limits);
    }
}
