package com.aegisspeed.user.account;

import com.aegisspeed.common.internal.InternalUser;

import java.util.Arrays;
import java.util.Optional;

/** Account state as the API spells it: anticheat-service marks and unmarks cheaters. */
public enum UserState {
    ACTIVE(InternalUser.ACTIVE),
    CHEATER(InternalUser.CHEATER);

    private final String value;

    UserState(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    public static Optional<UserState> fromValue(String value) {
        return Arrays.stream(values()).filter(state -> state.value.equals(value)).findFirst();
    }
}
