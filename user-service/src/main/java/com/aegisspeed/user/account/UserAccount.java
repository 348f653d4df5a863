package com.aegisspeed.user.account;

import com.aegisspeed.common.identity.Role;

/** One row of {@code users}. {@code publicId} is what other services and tokens know the user by. */
public record UserAccount(
        String publicId,
        String idNumber,
        String aegisSpeedId,
        String userName,
        String phoneNumber,
        String email,
        String passwordHash,
        Role role,
        UserState state) {
}
