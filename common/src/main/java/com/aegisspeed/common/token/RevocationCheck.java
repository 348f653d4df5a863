package com.aegisspeed.common.token;

/** Whether a token has been revoked (logout, password change, cheater ban). */
public interface RevocationCheck {

    /**
     * @throws TokenCheckUnavailableException when it cannot be known
     */
    boolean isRevoked(VerifiedToken token);

    /**
     * Whether {@link #isRevoked} may wait now (a database read, a first load over HTTP), so the claims check must
     * not run on an event loop. By default it may.
     */
    default boolean mayWait() {
        return true;
    }

    /**
     * Applies a revocation known to be acknowledged (named by the service that acknowledged it, or published on
     * the revocation channel) at once, ahead of the feed. A check that reads the list of record needs nothing.
     */
    default void learn(Revocation revocation) {
    }
}
