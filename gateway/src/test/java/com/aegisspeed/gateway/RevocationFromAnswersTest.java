package com.aegisspeed.gateway;

import com.aegisspeed.common.identity.Role;
import com.aegisspeed.common.token.Revocation;
import com.aegisspeed.testsupport.TestAuthority;
import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Instant;
import java.util.Date;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * A service that acknowledged a revocation names it in its answer ({@link Revocation#HEADER}); the gateway
 * applies it before passing the answer on, so the very next request with the token is refused, and the header
 * never reaches the client. The stand-in auth-service's feed never lists these revocations: only the answer
 * can have told the gateway. A client naming a revocation itself changes nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RevocationFromAnswersTest {

    private static final String USER_INFO = "/user/info/get_user_info";

    private GatewayUnderTest suite;
    private GatewayClient client;
    private TestAuthority authority;

    @BeforeAll
    void start() {
        suite = GatewayUnderTest.start();
        client = suite.client;
        authority = suite.authority;
    }

    @AfterEach
    void plainAnswers() {
        suite.service("auth-service").answerWithHeaders(Map.of());
        suite.service("user-service").answerWithHeaders(Map.of());
    }

    @AfterAll
    void stop() {
        suite.close();
    }

    @Test
    void aTokenRevocationNamedInTheLogoutAnswerRefusesTheNextRequestAndIsNotPassedOn() {
        String token = authority.tokenFor("sub-answer-" + System.nanoTime(), "ASD000301", Role.USER);
        assertEquals(200, client.get(USER_INFO, "Authorization", "Bearer " + token).status(), "known to the gateway");
        JWTClaimsSet claims = TestAuthority.claimsOf(token);
        suite.service("auth-service").answerWithHeaders(Map.of(Revocation.HEADER, Revocation.ofToken(claims.getJWTID(),
                claims.getExpirationTime().toInstant().getEpochSecond()).encode()));

        GatewayClient.Answer logout = client.postJson("/user/login/logout", "{}", "Authorization", "Bearer " + token);
        assertEquals(200, logout.status(), logout.body());
        assertNull(logout.header(Revocation.HEADER), "the client never sees it");

        GatewayClient.Answer next = client.get(USER_INFO, "Authorization", "Bearer " + token);
        assertEquals(401, next.status(), next.body());
        assertEquals("10001", next.code());
    }

    @Test
    void aUserRevocationNamedInAnAnswerRefusesEveryEarlierTokenOfTheUserButNotALaterOne() {
        String subject = "sub-all-" + System.nanoTime();
        Instant now = Instant.now();
        String earlier = tokenIssuedAt(subject, now.minusSeconds(60));
        String later = tokenIssuedAt(subject, now.plusSeconds(5));
        assertEquals(200, client.get(USER_INFO, "Authorization", "Bearer " + earlier).status());
        suite.service("auth-service").answerWithHeaders(Map.of(Revocation.HEADER,
                Revocation.ofUser(subject, now.getEpochSecond(), now.getEpochSecond() + 3600).encode()));

        GatewayClient.Answer change = client.postJson("/user/info/modify_user_password", "{}",
                "Authorization", "Bearer " + earlier);
        assertEquals(200, change.status(), change.body());
        assertNull(change.header(Revocation.HEADER));
        suite.service("auth-service").answerWithHeaders(Map.of());

        assertEquals(401, client.get(USER_INFO, "Authorization", "Bearer " + earlier).status());
        assertEquals(200, client.get(USER_INFO, "Authorization", "Bearer " + later).status());
    }

    @Test
    void aRevocationNamedByAClientIsNeitherBelievedNorPassedOn() {
        String victim = authority.tokenFor("sub-victim-" + System.nanoTime(), "ASD000302", Role.USER);
        String attacker = authority.tokenFor("sub-attacker-" + System.nanoTime(), "ASD000303", Role.USER);
        JWTClaimsSet claims = TestAuthority.claimsOf(victim);
        String named = Revocation.ofToken(claims.getJWTID(), claims.getExpirationTime().toInstant().getEpochSecond())
                .encode();

        GatewayClient.Answer sent = client.get(USER_INFO, "Authorization", "Bearer " + attacker,
                Revocation.HEADER, named);
        assertEquals(200, sent.status(), sent.body());
        assertNull(sent.forwardedHeaders().get(Revocation.HEADER.toLowerCase(Locale.ROOT)), "not passed on");
        assertEquals(200, client.get(USER_INFO, "Authorization", "Bearer " + victim).status());
    }

    @Test
    void aMalformedRevocationInAnAnswerIsDroppedAndChangesNothing() {
        String token = authority.tokenFor("sub-malformed-" + System.nanoTime(), "ASD000304", Role.USER);
        suite.service("user-service").answerWithHeaders(Map.of(Revocation.HEADER, "jti=;expires_at=soon"));
        GatewayClient.Answer answer = client.get(USER_INFO, "Authorization", "Bearer " + token);
        assertEquals(200, answer.status(), answer.body());
        assertNull(answer.header(Revocation.HEADER));
        assertEquals(200, client.get(USER_INFO, "Authorization", "Bearer " + token).status());
    }

    private String tokenIssuedAt(String subject, Instant issued) {
        return authority.sign(authority.claims(subject, "ASD000305", Role.USER).issueTime(Date.from(issued))
                .notBeforeTime(Date.from(issued.minusSeconds(120))).build());
    }
}
