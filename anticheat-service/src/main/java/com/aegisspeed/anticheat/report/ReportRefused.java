package com.aegisspeed.anticheat.report;

import io.micronaut.http.HttpStatus;

/** A report refused for a documented reason, answered as {@code status}/{@code code}/{@code text}. */
public class ReportRefused extends RuntimeException {

    private final HttpStatus status;
    private final String code;

    ReportRefused(HttpStatus status, String code, String text) {
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
