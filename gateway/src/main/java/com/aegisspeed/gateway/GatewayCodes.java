package com.aegisspeed.gateway;

/**
 * The gateway's business codes for its own endpoints, per endpoint or endpoint group (docs/api-gateway.md lists
 * them). The project-wide codes ({@code 00000}–{@code 00005}, {@code 10000}) are in common's {@code Codes}.
 */
public final class GatewayCodes {

    private GatewayCodes() {
    }

    /** {@code GET /verify/verify_client_version_number}. */
    public static final class VersionCheck {
        /** 403 when the gateway's own maintenance switch closes it (an operator closing it answers {@code 00000}). */
        public static final String NOT_OPEN = "10002";
        /** Not in the docs' table: answering from configuration does not fail, but the shared error handling needs one. */
        public static final String INTERNAL_ERROR = "10003";

        private VersionCheck() {
        }
    }

    /**
     * The operator API: {@code /admin/endpoints/**} (flags, their history, traffic statistics) and
     * {@code /admin/maintenance_windows/**}, one table for all of it. A token missing or invalid answers the
     * project-wide 401 {@code 10001}; a closed endpoint {@code 00000}.
     */
    public static final class Operator {
        /** 500: the flag database failed, or auth-service could not verify the admin secret. */
        public static final String INTERNAL_ERROR = "10003";
        /** 401: {@code X-Admin-Secret} missing, wrong, expired or issued for another token. */
        public static final String ADMIN_SECRET_INVALID = "10004";
        /** 403: the token's roles are neither {@code 管理员} nor {@code 超级管理员}. */
        public static final String ROLE_NOT_ALLOWED = "10005";
        public static final String ROLE_NOT_ALLOWED_TEXT = "This account may not change endpoint flags";
        /** 404: no such endpoint or service in the route table (or one that cannot be closed); no such window. */
        public static final String NO_SUCH_TARGET = "10006";
        /** 400: a maintenance window's times: end not after start or already past, too long, or too far ahead. */
        public static final String TIMES_REFUSED = "10007";
        /** 409: cancelling a maintenance window that has ended or was cancelled already. */
        public static final String NOT_CANCELLABLE = "10008";

        private Operator() {
        }
    }
}
