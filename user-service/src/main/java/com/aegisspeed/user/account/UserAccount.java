package com.aegisspeed.user.account;

import com.aegisspeed.common.identity.Role;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

import java.time.LocalDateTime;

/**
 * One row of {@code users}; times are UTC. {@code publicId} is what other services and tokens know the user by;
 * {@code id} is the table's own key and leaves the service nowhere.
 */
@MappedEntity("users")
public record UserAccount(
        @Id @GeneratedValue @Nullable Long id,
        String publicId,
        String idNumber,
        @MappedProperty("aegisspeed_id") String aegisSpeedId,
        String userName,
        String phoneNumber,
        String email,
        String passwordHash,
        @MappedProperty("user_role") Role role,
        @MappedProperty(value = "user_state", converter = UserState.Column.class) UserState state,
        LocalDateTime createdAt,
        LocalDateTime updatedAt) {

    /** A user about to be stored for the first time, at {@code now} (UTC). */
    public static UserAccount created(String publicId, String idNumber, String aegisSpeedId, String userName,
                                      String phoneNumber, String email, String passwordHash, Role role, LocalDateTime now) {
        return new UserAccount(null, publicId, idNumber, aegisSpeedId, userName, phoneNumber, email, passwordHash, role,
                UserState.ACTIVE, now, now);
    }
}
