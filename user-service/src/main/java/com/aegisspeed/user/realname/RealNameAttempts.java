package com.aegisspeed.user.realname;

import com.aegisspeed.common.envelope.Overloaded;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.inject.Singleton;

import java.time.Duration;

/** The per-ID-number budget of real-name checks ({@link RealNameConfiguration}), one bucket per ID number. */
@Singleton
public class RealNameAttempts {

    private static final long MAX_TRACKED_ID_NUMBERS = 100_000;

    private final RealNameConfiguration configuration;
    private final Cache<String, Bucket> buckets;

    public RealNameAttempts(RealNameConfiguration configuration) {
        this.configuration = configuration;
        // A bucket untouched for a whole window is full again: forgetting it changes nothing.
        this.buckets = Caffeine.newBuilder().maximumSize(MAX_TRACKED_ID_NUMBERS)
                .expireAfterAccess(configuration.window()).build();
    }

    /** Takes one check from the ID number's budget, or refuses with 429 {@code 00001} until one is back. */
    public void take(String idNumber) {
        Bucket bucket = buckets.get(idNumber, unused -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(configuration.checksPerIdNumber())
                        .refillIntervally(configuration.checksPerIdNumber(), configuration.window()).build())
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw new Overloaded(Duration.ofNanos(probe.getNanosToWaitForRefill()), "Too many checks for this ID number");
        }
    }
}
