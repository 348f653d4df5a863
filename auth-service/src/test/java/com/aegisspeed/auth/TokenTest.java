package com.aegisspeed.auth;

import com.aegisspeed.common.token.TokenLifetime;
import com.aegisspeed.testsupport.EnvelopeAssertions;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.PlainHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.Date;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * auth-service's own token check (its keys, its revocation table): a tampered token (foreign key,
 * {@code alg: none}, expired, wrong audience) answers 401 10001; a token lives exactly 7 days, measured on the
 * service's clock, moved instead of waited for.
 */
@ExtendWith(RealUserService.class)
class TokenTest {

    private static AuthHarness harness;

    @BeforeAll
    static void start(RealUserService.Running users) {
        harness = AuthHarness.start(users);
    }

    @AfterAll
    static void stop() {
        harness.close();
    }

    @Test
    void tamperedTokensAnswer401Code10001() throws Exception {
        JWTClaimsSet claims = AuthHarness.claimsOf(harness.adminToken());
        ECKey foreign = new ECKey.Builder(AuthHarness.newKey()).keyID(harness.signingKey.getKeyID()).build();
        List<String> tampered = List.of(
                sign(foreign, claims),
                new PlainJWT(new PlainHeader(), claims).serialize(),
                sign(harness.signingKey, new JWTClaimsSet.Builder(claims)
                        .expirationTime(Date.from(harness.clock.instant().minusSeconds(1))).build()),
                sign(harness.signingKey, new JWTClaimsSet.Builder(claims).audience("someone-else").build()),
                sign(harness.signingKey, new JWTClaimsSet.Builder(claims).issuer("someone-else").build()),
                sign(AuthHarness.newKey(), claims));
        for (String token : tampered) {
            EnvelopeAssertions.assertErrorEnvelope(harness.logout(token), 401, "10001");
        }
        // The untampered claims, signed with the real key, are accepted: the refusals above are the tampering's.
        assertEquals(200, harness.logout(sign(harness.signingKey, claims)).status());
    }

    @Test
    void aTokenIsAcceptedForSevenDaysAndRefusedAfter() {
        String lastsTheWeek = harness.adminToken();
        String outlivesIt = harness.adminToken();
        harness.clock.advance(TokenLifetime.LIFETIME.minus(Duration.ofSeconds(1)));
        assertEquals(200, harness.logout(lastsTheWeek).status());
        harness.clock.advance(Duration.ofSeconds(1));
        EnvelopeAssertions.assertErrorEnvelope(harness.logout(outlivesIt), 401, "10001");
    }

    private static String sign(ECKey key, JWTClaimsSet claims) throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new ECDSASigner(key));
        return jwt.serialize();
    }
}
