package com.aegisspeed.anticheat.admin;

/** The codes every {@code /anticheat/admin/*} endpoint shares (docs/api-machine-anticheat.md). */
public final class AdminCodes {
    public static final String TOKEN_INVALID = "10001";
    public static final String NOT_OPEN = "10002";
    public static final String INTERNAL_ERROR = "10003";
    public static final String ADMIN_SECRET_INVALID = "10004";
    public static final String NOT_ADMIN = "10005";
    public static final String INVALID_INPUT = "10006";
    public static final String USER_NOT_FOUND = "10007";
    public static final String MARK_CONFLICT = "10008";

    private AdminCodes() {
    }
}
