package com.aegisspeed.machine.binding;

/**
 * The codes of both machine-register endpoints (docs/api-machine-anticheat.md). The reference's
 * machine-register group is ambiguous; this table keeps its order: not open, invalid input, unknown user,
 * already registered, internal error, then this project's additions. A refused token answers 401 with the
 * project-wide {@code 10001} (docs/contract.md), told apart from not-open by its status; {@code 10006} is unused.
 */
public final class RegistrationCodes {
    public static final String NOT_OPEN = "10001";
    public static final String INVALID_INPUT = "10002";
    public static final String USER_NOT_FOUND = "10003";
    public static final String ALREADY_REGISTERED = "10004";
    public static final String INTERNAL_ERROR = "10005";
    public static final String NOT_YOUR_ACCOUNT = "10007";
    public static final String USER_IS_CHEATER = "10008";

    private RegistrationCodes() {
    }
}
