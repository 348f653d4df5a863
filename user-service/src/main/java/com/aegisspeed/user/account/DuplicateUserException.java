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

    /** What a failed write throws: this, when it collided with another user's unique value, else the failure itself. */
    static RuntimeException orFault(RuntimeException e) {
        return UniqueKey.violatedBy(e).<RuntimeException>map(DuplicateUserException::new).orElse(e);
    }
}
