package com.aegisspeed.auth;

/**
 * auth-service's business codes, per endpoint (each endpoint numbers its own; docs/api-auth-user.md lists them). The
 * project-wide codes ({@code 00000}–{@code 00005}, {@code 10000}) are in common's {@code Codes}.
 */
public final class AuthCodes {

    private AuthCodes() {
    }

    /** {@code POST /user/register/register_user_info}. */
    public static final class Register {
        public static final String INVALID_ID_NUMBER = "10001";
        public static final String INVALID_NAME = "10002";
        public static final String INVALID_PHONE = "10003";
        public static final String INVALID_EMAIL = "10004";
        public static final String ID_NUMBER_TAKEN = "10005";
        public static final String PHONE_TAKEN = "10006";
        public static final String EMAIL_TAKEN = "10007";
        public static final String NOT_OPEN = "10008";
        public static final String INTERNAL_ERROR = "10009";
        public static final String INVALID_PASSWORD = "10010";

        private Register() {
        }
    }

    /** {@code POST /user/login/login_user_info} and {@code /user/login/login_admin_info_by_aegisspeed_id}. */
    public static final class Login {
        public static final String WRONG_PASSWORD = "10001";
        public static final String NO_SUCH_USER = "10002";
        public static final String NOT_OPEN = "10003";
        public static final String INTERNAL_ERROR = "10004";
        public static final String INVALID_PASSWORD = "10005";
        public static final String INVALID_AEGISSPEED_ID = "10006";
        public static final String NOT_ADMIN = "10007";

        private Login() {
        }
    }

    /**
     * {@code POST /user/login/logout} (added by this project; its codes are in docs/contract.md's table): numbered
     * like the logins, whose family it joins. A refused token answers 401 {@code 10001}, the default.
     */
    public static final class Logout {
        public static final String NOT_OPEN = "10003";
        public static final String INTERNAL_ERROR = "10004";

        private Logout() {
        }
    }

    /** {@code POST /user/login_admin_info/verify/get_secret_admin_password}. */
    public static final class AdminSecret {
        public static final String TOKEN_INVALID = "10001";
        public static final String NOT_OPEN = "10002";
        public static final String INTERNAL_ERROR = "10003";
        public static final String WRONG_PASSWORD = "10004";
        public static final String NOT_ADMIN = "10005";

        private AdminSecret() {
        }
    }

    /** {@code POST /user/info/modify_user_password} (numbered by analogy with the phone change). */
    public static final class ModifyPassword {
        public static final String TOKEN_INVALID = "10001";
        public static final String NOT_OPEN = "10002";
        public static final String WRONG_PASSWORD = "10003";
        public static final String INTERNAL_ERROR = "10004";
        public static final String INVALID_NEW_PASSWORD = "10005";

        private ModifyPassword() {
        }
    }
}
