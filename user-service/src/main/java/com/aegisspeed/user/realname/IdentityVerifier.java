package com.aegisspeed.user.realname;

/**
 * Checks that an ID number and a name belong together (a two-element real-name check). Both arrive already valid
 * in form (GB 11643 and the name rules); neither may be logged.
 */
public interface IdentityVerifier {

    enum Verdict { MATCH, MISMATCH, NO_RECORD, INVALID_ID_NUMBER, INVALID_NAME }

    /** @throws IdentityProviderUnavailableException when the check cannot be made now */
    Verdict verify(String idNumber, String name);
}
