package com.aegisspeed.gateway.token;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which Authorization headers reach the token check: exactly a bearer scheme, one space and a compact JWS. */
class BearerHeaderTest {

    private static final String JWS = "eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJBU0QwMDAwMDEifQ.c2lnbmF0dXJl-Ynl0ZXM_";

    @Test
    void aBearerSchemeInAnyCaseWithOneSpaceAndThreeBase64UrlPartsIsAccepted() {
        for (String header : List.of("Bearer " + JWS, "bearer " + JWS, "BEARER " + JWS, "Bearer a.b.c")) {
            assertTrue(GatewayTokens.isBearerJws(header), header);
        }
    }

    @Test
    void anythingElseIsRefused() {
        List<String> refused = List.of("", "Bearer", "Bearer ", "Bearer  " + JWS, " Bearer " + JWS, "Bearer " + JWS + " ",
                "Basic " + JWS, "Bearer\t" + JWS, "Bearer a.b", "Bearer a.b.c.d", "Bearer .b.c", "Bearer a..c",
                "Bearer a.b.", "Bearer a.b=.c", "Bearer a.b+/.c", "Bearer a.b.c\n", "Bearer a.b.ç", "Bearerx a.b.c");
        for (String header : refused) {
            assertFalse(GatewayTokens.isBearerJws(header), "accepted: [" + header + "]");
        }
        assertFalse(GatewayTokens.isBearerJws(null));
    }
}
