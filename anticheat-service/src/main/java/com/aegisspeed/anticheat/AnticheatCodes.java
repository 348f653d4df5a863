package com.aegisspeed.anticheat;

/**
 * anticheat-service's business codes, per endpoint (each endpoint numbers its own; docs/api-machine-anticheat.md
 * lists them). The project-wide codes ({@code 00000}–{@code 00005}, {@code 10000}) are in common's {@code Codes}.
 */
public final class AnticheatCodes {

    private AnticheatCodes() {
    }

    /** {@code POST /anticheat/report/report_check_result}. */
    public static final class Report {
        public static final String TOKEN_INVALID = "10001";
        public static final String NOT_OPEN = "10002";
        public static final String INVALID_INPUT = "10003";
        public static final String INTERNAL_ERROR = "10004";
        public static final String MACHINE_NOT_YOURS = "10005";
        public static final String LAUNCH_CODE_TAKEN = "10006";

        private Report() {
        }
    }

    /** {@code GET /user/info/get_user_check_info}. */
    public static final class CheckHistory {
        public static final String TOKEN_INVALID = "10001";
        public static final String NOT_OPEN = "10002";
        public static final String INTERNAL_ERROR = "10004";

        private CheckHistory() {
        }
    }

    /** {@code GET /anticheat/check/check_user_cheat_status}: {@code 10003} and {@code 10004} answer 200, like success. */
    public static final class CheatStatus {
        public static final String TOKEN_INVALID = "10001";
        public static final String NOT_OPEN = "10002";
        public static final String MARKED_AS_CHEATER = "10003";
        public static final String RECORDS_BUT_NOT_MARKED = "10004";
        public static final String INTERNAL_ERROR = "10005";

        private CheatStatus() {
        }
    }

    /** Every {@code /anticheat/admin/*} endpoint: they share one table. */
    public static final class Admin {
        public static final String TOKEN_INVALID = "10001";
        public static final String NOT_OPEN = "10002";
        public static final String INTERNAL_ERROR = "10003";
        public static final String ADMIN_SECRET_INVALID = "10004";
        public static final String NOT_ADMIN = "10005";
        public static final String INVALID_INPUT = "10006";
        public static final String USER_NOT_FOUND = "10007";
        public static final String MARK_CONFLICT = "10008";

        private Admin() {
        }
    }

    /**
     * machine-service's internal {@code GET /internal/machines/{machineCode}}: the codes of its answers this
     * service reads (machine-service numbers them; the same docs file lists them).
     */
    public static final class MachineDirectory {
        /** With 404: the machine code is bound to nobody. */
        public static final String NO_SUCH_MACHINE = "10002";

        private MachineDirectory() {
        }
    }
}
