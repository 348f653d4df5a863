package com.aegisspeed.common.token;

/** The request carries no usable token; answered 401 with the endpoint's token-invalid code. */
public class TokenRejectedException extends RuntimeException {

    public TokenRejectedException(String reason) {
        super(reason, null, false, false);
    }
}
