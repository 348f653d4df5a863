package com.aegisspeed.common.token;

/** Revocations could not be loaded yet, so no token can be trusted. */
public class RevocationsUnavailableException extends TokenCheckUnavailableException {

    public RevocationsUnavailableException(String reason) {
        super(reason);
    }
}
