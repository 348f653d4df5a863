package com.aegisspeed.common.token;

/** Revocations could not be loaded yet, so no token can be trusted; answered 503 {@code 00002}. */
public class RevocationsUnavailableException extends RuntimeException {

    public RevocationsUnavailableException(String reason) {
        super(reason, null, false, false);
    }
}
