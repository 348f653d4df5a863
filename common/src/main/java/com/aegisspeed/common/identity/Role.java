package com.aegisspeed.common.identity;

import java.util.Arrays;
import java.util.Optional;

/** User roles (docs/contract.md) and what each may do. The label is what tokens and responses carry. */
public enum Role {
    USER("用户"),
    ORG_ADMIN("组织管理员"),
    ADMIN("管理员"),
    SUPER_ADMIN("超级管理员");

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

    /** May open and close endpoints. */
    public boolean mayChangeEndpointFlags() {
        return this == ADMIN || this == SUPER_ADMIN;
    }

    public static Optional<Role> fromLabel(String label) {
        return Arrays.stream(values()).filter(role -> role.label.equals(label)).findFirst();
    }
}
