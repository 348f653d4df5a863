package com.aegisspeed.user.account;

import com.aegisspeed.common.internal.InternalUser;
import io.micronaut.core.convert.ConversionContext;
import io.micronaut.data.model.runtime.convert.AttributeConverter;
import jakarta.inject.Singleton;

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

    /** The {@code user_state} column holds the API's spelling, not the constant's name. */
    @Singleton
    public static class Column implements AttributeConverter<UserState, String> {

        @Override
        public String convertToPersistedValue(UserState state, ConversionContext context) {
            return state == null ? null : state.value();
        }

        @Override
        public UserState convertToEntityValue(String value, ConversionContext context) {
            return value == null ? null : fromValue(value).orElseThrow(() -> new IllegalStateException("unknown user_state"));
        }
    }
}
