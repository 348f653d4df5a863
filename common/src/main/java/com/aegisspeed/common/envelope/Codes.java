package com.aegisspeed.common.envelope;

/**
 * Project-wide codes (docs/contract.md), the same on the gateway and every service.
 * Business codes are per endpoint and live in each service's one codes class ({@code UserCodes}, {@code GatewayCodes}, …).
 */
public final class Codes {
    public static final String SUCCESS = "10000";
    public static final String ENDPOINT_NOT_OPEN = "00000";
    public static final String RATE_LIMITED = "00001";
    public static final String UPSTREAM_UNAVAILABLE = "00002";
    public static final String BODY_TOO_LARGE = "00003";
    public static final String NO_SUCH_ENDPOINT = "00004";
    public static final String MALFORMED_REQUEST = "00005";

    public static final String ENDPOINT_NOT_OPEN_TEXT = "Server has not opened this endpoint";

    private Codes() {
    }
}
