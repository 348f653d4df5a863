package com.aegisspeed.user.directory;

import com.aegisspeed.common.internal.InternalUser;
import com.aegisspeed.user.account.UserAccount;

/** How a user is described to other services (docs/internal-api.md): unmasked, role as its label. */
final class InternalUsers {

    private InternalUsers() {
    }

    static InternalUser of(UserAccount user) {
        return new InternalUser(user.publicId(), user.idNumber(), user.userName(), user.aegisSpeedId(),
                user.phoneNumber(), user.email(), user.role().label(), user.state().value());
    }
}
