package com.aegisspeed.common.internal;

/** user-service refused a new user because its ID number, phone or email is taken; {@code code} says which. */
public class UserConflictException extends RuntimeException {

    private final String code;

    public UserConflictException(String code, String result) {
        super(result, null, false, false);
        this.code = code;
    }

    /** {@code 10005} ID number, {@code 10006} phone, {@code 10007} email: registration's own codes. */
    public String code() {
        return code;
    }
}
