package com.aegisspeed.user;

/**
 * user-service's business codes, per endpoint (each endpoint numbers its own; docs/api-auth-user.md lists them). The
 * project-wide codes ({@code 00000}–{@code 00005}, {@code 10000}) are in common's {@code Codes}.
 */
public final class UserCodes {

    private UserCodes() {
    }

    /** {@code POST /verify/verify_is_user_id_available}. */
    public static final class IdAvailability {
        public static final String NOT_OPEN = "10001";
        public static final String INVALID_ID_NUMBER = "10002";
        public static final String REGISTERED = "10003";
        public static final String INTERNAL_ERROR = "10004";

        private IdAvailability() {
        }
    }

    /** {@code POST /verify/verify_user_id_and_name}: availability-style, {@code result: true} = they match. */
    public static final class RealName {
        public static final String NOT_OPEN = "10001";
        public static final String INVALID_ID_NUMBER = "10002";
        public static final String MISMATCH = "10003";
        public static final String INTERNAL_ERROR = "10004";
        public static final String INVALID_NAME = "10005";
        public static final String NO_RECORD = "10006";

        private RealName() {
        }
    }

    /** {@code GET /user/info/get_user_info} and {@code GET /user/info/get_admin_info}. */
    public static final class Info {
        public static final String TOKEN_INVALID = "10001";
        public static final String NOT_OPEN = "10002";
        public static final String INTERNAL_ERROR = "10003";
        public static final String ADMIN_SECRET_INVALID = "10004";

        private Info() {
        }
    }

    /** {@code POST /user/info/modify_user_phone_number}. */
    public static final class ModifyPhone {
        public static final String TOKEN_INVALID = "10001";
        public static final String NOT_OPEN = "10002";
        public static final String TAKEN = "10003";
        public static final String INTERNAL_ERROR = "10004";
        public static final String INVALID_PHONE = "10005";

        private ModifyPhone() {
        }
    }

    /** user-service's internal API (docs/internal-api.md): the codes auth-service maps onto its own endpoints. */
    public static final class Internal {
        public static final String WRONG_PASSWORD = "10001";
        public static final String NO_SUCH_USER = "10002";
        public static final String ID_NUMBER_TAKEN = "10005";
        public static final String PHONE_TAKEN = "10006";
        public static final String EMAIL_TAKEN = "10007";

        private Internal() {
        }
    }
}
