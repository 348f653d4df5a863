package com.aegisspeed.testsupport;

import com.aegisspeed.common.identity.Role;
import com.aegisspeed.common.token.VerifiedSignatures;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import io.micronaut.security.token.jwt.validator.JsonWebTokenParser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shared token check (micronaut-security-jwt's validator with common's claims validator, behind a
 * VerifiedToken parameter) against tokens issued through the real JWKS mechanism: what it accepts, what it refuses, and in which envelope.
 */
class TokenVerificationTest {

    private static TestAuthority authority;
    private static RunningService service;
    private static final String SUBJECT = UUID.randomUUID().toString();

    @BeforeAll
    static void start() {
        authority = TestAuthority.start();
        Map<String, Object> properties = new HashMap<>(authority.properties());
        properties.put("spec.name", TokenProbeController.SPEC_NAME);
        properties.put("micronaut.application.name", "token-probe");
        properties.put("aegis.db.url", "jdbc:h2:mem:token-probe;MODE=MySQL;DATABASE_TO_LOWER=TRUE");
        properties.put("flyway.datasources.default.enabled", false);
        service = RunningService.start(properties);
    }

    @AfterAll
    static void stop() {
        service.close();
        authority.close();
    }

    private TestHttp.Reply whoAmI(String token) {
        return service.http().send(HttpRequest.newBuilder(service.http().uri("/probe/whoami"))
                .header("Authorization", "Bearer " + token).GET());
    }

    private JWTClaimsSet.Builder claims() {
        return authority.claims(SUBJECT, "ASD000042", Role.ADMIN);
    }

    @Test
    void aValidTokenReachesTheEndpointWithItsClaims() {
        TestHttp.Reply reply = whoAmI(authority.tokenFor(SUBJECT, "ASD000042", Role.ADMIN));
        assertEquals(200, reply.status());
        assertEquals(SUBJECT, reply.data().get("subject"));
        assertEquals("ASD000042", reply.data().get("aegisspeed_id"));
        assertEquals(List.of("管理员"), reply.data().get("roles"));
        assertEquals(true, reply.data().get("admin"));
    }

    @Test
    void noTokenIsRefusedWithTheEndpointsTokenInvalidCode() {
        TestHttp.Reply reply = service.http().get("/probe/whoami");
        EnvelopeAssertions.assertErrorEnvelope(reply, 401, "10001");
    }

    @Test
    void tamperedTokensAreRefused() {
        Instant now = Instant.now();
        List<String> refused = List.of(
                authority.signWithForeignKey(claims().build()),
                TestAuthority.unsigned(claims().build()),
                authority.sign(claims().expirationTime(Date.from(now.minusSeconds(1))).build()),
                authority.sign(claims().notBeforeTime(Date.from(now.plus(Duration.ofHours(1)))).build()),
                authority.sign(claims().audience("someone-else").build()),
                authority.sign(claims().issuer("someone-else").build()),
                authority.sign(claims().claim("roles", null).build()),
                authority.tokenFor(SUBJECT, "ASD000042", Role.USER).substring(0, 40),
                "not-a-jwt");
        for (String token : refused) {
            EnvelopeAssertions.assertErrorEnvelope(whoAmI(token), 401, "10001");
        }
    }

    @Test
    void aRevokedTokenIsRefusedWithinAboutASecond() throws InterruptedException {
        String token = authority.tokenFor(SUBJECT, "ASD000042", Role.USER);
        assertEquals(200, whoAmI(token).status());
        authority.revoke(token);
        awaitStatus(token, 401);
    }

    @Test
    void revokingAllOfAUsersTokensRefusesThoseIssuedBefore() throws InterruptedException {
        String subject = UUID.randomUUID().toString();
        String token = authority.sign(authority.claims(subject, "ASD000043", Role.USER)
                .issueTime(Date.from(Instant.now().minusSeconds(5))).build());
        assertEquals(200, whoAmI(token).status());
        authority.revokeAllOf(subject);
        awaitStatus(token, 401);
    }

    @Test
    void aRevocationCommittedAfterALaterOneIsStillApplied() throws InterruptedException {
        String revokedLate = authority.tokenFor(SUBJECT, "ASD000042", Role.USER);
        String revokedFirst = authority.tokenFor(SUBJECT, "ASD000042", Role.USER);
        long earlierNumber = authority.reserveSequence();
        authority.revoke(revokedFirst); // numbered after earlierNumber, readable before it
        awaitStatus(revokedFirst, 401);
        assertEquals(200, whoAmI(revokedLate).status());
        authority.revokeWithSequence(earlierNumber, revokedLate);
        awaitStatus(revokedLate, 401);
    }

    @Test
    void anEndpointMayDeclareItsOwnCodeAndEnvelope() {
        TestHttp.Reply reply = service.http().get("/probe/whoami/token-envelope");
        EnvelopeAssertions.assertTokenErrorEnvelope(reply, 401, TokenProbeController.TOKEN_INVALID);
    }

    private void awaitStatus(String token, int status) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        int last;
        do {
            last = whoAmI(token).status();
            if (last == status) {
                return;
            }
            Thread.sleep(50);
        } while (System.nanoTime() < deadline);
        assertEquals(status, last, "status within 3 s");
    }

    @Test
    void aVerifiedSignatureIsRememberedWhileRevocationIsStillCheckedOnEveryRequest() {
        VerifiedSignatures signatures = service.context().getBean(VerifiedSignatures.class);
        String token = authority.tokenFor(UUID.randomUUID().toString(), "ASD000043", Role.USER);
        long before = signatures.cachedWeight();
        assertEquals(200, whoAmI(token).status());
        assertTrue(signatures.cachedWeight() > before, "the verified signature is remembered");
        assertEquals(200, whoAmI(token).status());
        authority.revoke(token);
        EnvelopeAssertions.assertErrorEnvelope(untilRefused(token), 401, "10001");
    }

    @Test
    void aRememberedTokenIsNotParsedAgainWhileAnyOtherIsParsedAfreshEachTime() {
        @SuppressWarnings("unchecked")
        JsonWebTokenParser<JWT> parser = service.context().getBean(JsonWebTokenParser.class);
        String token = authority.tokenFor(UUID.randomUUID().toString(), "ASD000044", Role.USER);
        assertNotSame(parser.parse(token).orElseThrow(), parser.parse(token).orElseThrow(), "parsed before verified");
        assertEquals(200, whoAmI(token).status());
        assertSame(parser.parse(token).orElseThrow(), parser.parse(token).orElseThrow(), "the verified token as parsed");
        String foreign = authority.signWithForeignKey(claims().build());
        EnvelopeAssertions.assertErrorEnvelope(whoAmI(foreign), 401, "10001");
        assertNotSame(parser.parse(foreign).orElseThrow(), parser.parse(foreign).orElseThrow(), "a refused token is kept");
    }

    @Test
    void aRememberedTokenWithAnotherSignatureIsRefused() {
        String token = authority.tokenFor(UUID.randomUUID().toString(), "ASD000045", Role.USER);
        assertEquals(200, whoAmI(token).status());
        String foreignSignature = authority.signWithForeignKey(claims().build());
        String forged = token.substring(0, token.lastIndexOf('.')) + foreignSignature.substring(foreignSignature.lastIndexOf('.'));
        EnvelopeAssertions.assertErrorEnvelope(whoAmI(forged), 401, "10001");
        assertEquals(200, whoAmI(token).status());
    }

    @Test
    void aTokenWhoseSignatureIsRememberedIsRefusedOnceItExpires() {
        Instant expiry = Instant.now().plusSeconds(2);
        String token = authority.sign(claims().expirationTime(Date.from(expiry)).build());
        assertEquals(200, whoAmI(token).status());
        TestHttp.Reply refused = untilRefused(token);
        assertFalse(Instant.now().isBefore(expiry.minusSeconds(1)), "refused before it expired");
        EnvelopeAssertions.assertErrorEnvelope(refused, 401, "10001");
    }

    /** Asks with the token until it is refused, for at most 5 seconds. */
    private TestHttp.Reply untilRefused(String token) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        TestHttp.Reply reply = whoAmI(token);
        while (reply.status() == 200 && System.nanoTime() < deadline) {
            reply = whoAmI(token);
        }
        return reply;
    }
}
