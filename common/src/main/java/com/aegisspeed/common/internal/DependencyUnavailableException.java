package com.aegisspeed.common.internal;

/**
 * Another service could not answer (down, timed out, or failed). Left unhandled it becomes a 500 with the
 * endpoint's own internal-error code.
 */
public class DependencyUnavailableException extends RuntimeException {

    public DependencyUnavailableException(String service, String what) {
        super(service + ": " + what, null, false, false);
    }
}
