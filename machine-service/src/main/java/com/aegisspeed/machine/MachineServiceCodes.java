package com.aegisspeed.machine;

/**
 * machine-service's business codes, per endpoint (each endpoint numbers its own; docs/api-machine-anticheat.md lists
 * them). The project-wide codes ({@code 00000}–{@code 00005}, {@code 10000}) are in common's {@code Codes}; common's
 * {@code MachineCodes} is about machine-code strings, not these.
 */
public final class MachineServiceCodes {

    private MachineServiceCodes() {
    }

    /**
     * {@code POST /verify/verify_is_machine_code_available}: availability-style, {@code result: true} = already bound.
     * {@code 10002} means two things, told apart by the HTTP status (200 bound to this user, 400 invalid input).
     */
    public static final class Availability {
        public static final String NOT_OPEN = "10001";
        public static final String BOUND_TO_THIS_USER = "10002";
        public static final String INVALID_INPUT = "10002";
        public static final String BOUND_TO_ANOTHER_USER = "10003";
        public static final String INTERNAL_ERROR = "10004";

        private Availability() {
        }
    }

    /**
     * {@code POST /machine/register/register_machine_info} and {@code …/register_machine_info_by_aegisspeed_id}. The
     * reference's machine-register group is ambiguous; this table keeps its order: not open, invalid input, unknown
     * user, already registered, internal error, then this project's additions. A refused token answers 401 with the
     * project-wide {@code 10001} (docs/contract.md), told apart from not-open by its status; {@code 10006} is unused.
     */
    public static final class Registration {
        public static final String NOT_OPEN = "10001";
        public static final String INVALID_INPUT = "10002";
        public static final String USER_NOT_FOUND = "10003";
        public static final String ALREADY_REGISTERED = "10004";
        public static final String INTERNAL_ERROR = "10005";
        public static final String NOT_YOUR_ACCOUNT = "10007";
        public static final String USER_IS_CHEATER = "10008";

        private Registration() {
        }
    }

    /** {@code GET /machine/info/get_machine_info}. */
    public static final class Info {
        public static final String TOKEN_INVALID = "10001";
        public static final String NOT_OPEN = "10002";
        public static final String INTERNAL_ERROR = "10003";
        public static final String INVALID_INPUT = "10004";
        public static final String NOT_ALLOWED = "10005";
        public static final String USER_NOT_FOUND = "10006";

        private Info() {
        }
    }

    /** machine-service's internal {@code GET /internal/machines/{machineCode}}, which anticheat-service reads. */
    public static final class Internal {
        /** With 404: the machine code is bound to nobody. */
        public static final String NO_SUCH_MACHINE = "10002";

        private Internal() {
        }
    }
}
