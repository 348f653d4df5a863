package com.aegisspeed.user.account;

/** A write collided with another user's ID number, phone number or e-mail address. */
public class DuplicateUserException extends RuntimeException {

    private final UniqueKey key;

    public DuplicateUserException(UniqueKey key) {
        super("duplicate " + key, null, false, false);
        this.key = key;
    }

    public UniqueKey key() {
        return key;
    }
}
