package com.aegisspeed.common.token;

/** Whether a token has been revoked (logout, password change, cheater ban). */
public interface RevocationCheck {

    /**
     * @throws TokenCheckUnavailableException when it cannot be known
     */
    boolean isRevoked(VerifiedToken token);
}
