package com.aegisspeed.common.identity;

import java.util.Arrays;
import java.util.Optional;

/** User roles (docs/contract.md) and what each may do. The label is what tokens and responses carry. */
public enum Role {
    USER(Labels.USER),
    ORG_ADMIN(Labels.ORG_ADMIN),
    ADMIN(Labels.ADMIN),
    SUPER_ADMIN(Labels.SUPER_ADMIN);

    /** The labels as constants, for {@code @Secured} on the endpoints a role may use. */
    public static final class Labels {
        public static final String USER = "用户";
        public static final String ORG_ADMIN = "组织管理员";
        public static final String ADMIN = "管理员";
        public static final String SUPER_ADMIN = "超级管理员";

        private Labels() {
        }
    }

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** May use admin login, the dynamic admin secret and mark cheaters. */
    public boolean isAdmin() {
        return this != USER;
    }

    public static Optional<Role> fromLabel(String label) {
        return Arrays.stream(values()).filter(role -> role.label.equals(label)).findFirst();
    }
}
