package com.aegisspeed.machine.binding;

import io.micronaut.http.HttpStatus;

/** A binding refused for a documented reason; the controller answers it as {@code status}/{@code code}/{@code text}. */
public class RegistrationRefused extends RuntimeException {

    private final HttpStatus status;
    private final String code;

    RegistrationRefused(HttpStatus status, String code, String text) {
        super(text, null, false, false);
        this.status = status;
        this.code = code;
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }
}
