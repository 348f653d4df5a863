package com.aegisspeed.common.token;

/** Whether a token has been revoked (logout, password change, cheater ban). */
public interface RevocationCheck {

    /**
     * @throws TokenCheckUnavailableException when it cannot be known
     */
    boolean isRevoked(VerifiedToken token);

    /**
     * Applies a revocation known to be acknowledged (named by the service that acknowledged it, or published on
     * the revocation channel) at once, ahead of the feed. A check that reads the list of record needs nothing.
     */
    default void learn(Revocation revocation) {
    }
}
