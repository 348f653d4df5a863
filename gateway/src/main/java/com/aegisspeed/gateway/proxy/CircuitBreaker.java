package com.aegisspeed.gateway.proxy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * One service's breaker: closed (calls pass), open (calls refused at once for a pause), half-open (one trial
 * call; its outcome closes or re-opens). The closed state is read without a lock: it is the hot path.
 */
public final class CircuitBreaker {

    enum State { CLOSED, OPEN, HALF_OPEN }

    private final int failureThreshold;
    private final Duration openDuration;
    private final Clock clock;
    private volatile State state = State.CLOSED;
    private volatile int consecutiveFailures;
    private Instant openedAt = Instant.EPOCH;
    private boolean trialInFlight;

    CircuitBreaker(CircuitBreakerConfiguration configuration, Clock clock) {
        this.failureThreshold = configuration.failureThreshold();
        this.openDuration = configuration.openDuration();
        this.clock = clock;
    }

    /** Whether a call may go out now; a {@code true} must be followed by exactly one outcome call. */
    boolean tryAcquire() {
        if (state == State.CLOSED) {
            return true;
        }
        synchronized (this) {
            switch (state) {
                case CLOSED:
                    return true;
                case OPEN:
                    if (clock.instant().isBefore(openedAt.plus(openDuration))) {
                        return false;
                    }
                    state = State.HALF_OPEN;
                    trialInFlight = true;
                    return true;
                default:
                    if (trialInFlight) {
                        return false;
                    }
                    trialInFlight = true;
                    return true;
            }
        }
    }

    void onSuccess() {
        if (state == State.CLOSED && consecutiveFailures == 0) {
            return;
        }
        synchronized (this) {
            consecutiveFailures = 0;
            trialInFlight = false;
            state = State.CLOSED;
        }
    }

    synchronized void onFailure() {
        trialInFlight = false;
        consecutiveFailures++;
        if (state == State.HALF_OPEN || consecutiveFailures >= failureThreshold) {
            state = State.OPEN;
            openedAt = clock.instant();
        }
    }

    /** The call was abandoned (client went away) without telling anything about the service. */
    void onAbandoned() {
        if (state == State.CLOSED) {
            return;
        }
        synchronized (this) {
            trialInFlight = false;
        }
    }
}
