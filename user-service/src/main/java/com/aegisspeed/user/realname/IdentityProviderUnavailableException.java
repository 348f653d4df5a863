package com.aegisspeed.user.realname;

/** The identity-verification provider could not answer (down, timed out, refused our credentials). */
public class IdentityProviderUnavailableException extends RuntimeException {
    public IdentityProviderUnavailableException(String message) {
        super(message);
    }
}
