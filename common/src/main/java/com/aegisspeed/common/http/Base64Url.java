package com.aegisspeed.common.http;

/** The URL-safe Base64 alphabet (RFC 4648 §5), of which tokens' parts and request ids are made. */
public final class Base64Url {

    private Base64Url() {
    }

    /** Whether {@code c} is one of {@code A-Z a-z 0-9 - _}. */
    public static boolean isAlphabet(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    }
}
