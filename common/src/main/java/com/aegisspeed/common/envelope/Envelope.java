package com.aegisspeed.common.envelope;

/** Which envelope shape an endpoint answers with, errors included. */
public enum Envelope {
    /** {@code status, code, result, data}. */
    STANDARD,
    /** {@code status, code, result, data, token}; {@code token} is {@code ""} on error. */
    TOKEN,
    /** {@code status, code, info, result(boolean)}. */
    AVAILABILITY
}
