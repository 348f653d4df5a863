package com.aegisspeed.common.token;

/**
 * A token cannot be checked right now: auth-service's keys or revocations have never been loaded and it does
 * not answer. No token is trusted meanwhile; answered 503 {@code 00002}, not 401, since the token may be fine.
 */
public class TokenCheckUnavailableException extends RuntimeException {

    public TokenCheckUnavailableException(String reason) {
        super(reason, null, false, false);
    }
}
