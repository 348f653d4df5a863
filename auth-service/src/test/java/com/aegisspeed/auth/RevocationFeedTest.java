package com.aegisspeed.auth;

import com.aegisspeed.common.token.TokenLifetime;
import com.aegisspeed.testsupport.EnvelopeAssertions;
import com.aegisspeed.testsupport.TestHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The internal revocation API (docs/internal-api.md): {@code revoke-tokens} revokes every token of the user
 * issued so far (password change, cheater ban), and the feed lists every revocation in order for verifiers
 * to poll.
 */
@ExtendWith(RealUserService.class)
class RevocationFeedTest {

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
    void revokeTokensRefusesEveryEarlierTokenButNotOneIssuedRightAfter() {
        Map<String, Object> user = harness.registeredUser();
        String first = (String) user.get("token");
        String second = (String) harness.login(user.get("user_id"), user.get("user_password")).envelope().get("token");
        String subject = AuthHarness.claimsOf(first).getSubject();

        EnvelopeAssertions.assertStandardEnvelope(revokeTokens(subject), 200, "10000");
        EnvelopeAssertions.assertErrorEnvelope(harness.logout(first), 401, "10001");
        EnvelopeAssertions.assertErrorEnvelope(harness.logout(second), 401, "10001");

        // Same clock second as the revocation: the new token must not be born revoked.
        String fresh = (String) harness.login(user.get("user_id"), user.get("user_password")).envelope().get("token");
        String another = (String) harness.login(user.get("user_id"), user.get("user_password")).envelope().get("token");
        assertEquals(200, harness.logout(fresh).status());

        // A second revocation in that same second still reaches the token issued after the first one.
        assertEquals(200, revokeTokens(subject).status());
        EnvelopeAssertions.assertErrorEnvelope(harness.logout(another), 401, "10001");
    }

    @Test
    void theFeedListsRevocationsInOrderFromAnySequenceNumber() {
        long start = lastSeq(feed(0));
        Map<String, Object> user = harness.registeredUser();
        String token = (String) user.get("token");
        String subject = AuthHarness.claimsOf(token).getSubject();
        assertEquals(200, harness.logout(token).status());
        assertEquals(200, revokeTokens(subject).status());

        TestHttp.Reply page = feed(start);
        List<Map<String, Object>> entries = entries(page);
        assertEquals(2, entries.size(), page.body());
        Map<String, Object> logout = entries.get(0);
        Map<String, Object> all = entries.get(1);
        assertEquals(AuthHarness.claimsOf(token).getJWTID(), logout.get("jti"));
        assertEquals(null, logout.get("subject"));
        assertEquals(null, logout.get("revoked_before"));
        assertEquals(null, all.get("jti"));
        assertEquals(subject, all.get("subject"));
        long revokedBefore = ((Number) all.get("revoked_before")).longValue();
        assertEquals(harness.clock.instant().getEpochSecond(), revokedBefore);
        assertEquals(revokedBefore + TokenLifetime.LIFETIME.toSeconds(), ((Number) all.get("expires_at")).longValue());
        assertTrue(((Number) all.get("seq")).longValue() > ((Number) logout.get("seq")).longValue());
        assertEquals(((Number) all.get("seq")).longValue(), lastSeq(page));

        TestHttp.Reply nothingNew = feed(lastSeq(page));
        assertEquals(List.of(), entries(nothingNew));
        assertEquals(lastSeq(page), lastSeq(nothingNew));
    }

    @Test
    void withoutTheInternalSecretNeitherAnswers() {
        EnvelopeAssertions.assertErrorEnvelope(harness.http().get("/internal/revocations?after=0"), 403, "00000");
        EnvelopeAssertions.assertErrorEnvelope(harness.http().postJson("/internal/users/x/revoke-tokens", "{}"), 403, "00000");
    }

    private static TestHttp.Reply revokeTokens(String subject) {
        return harness.internal("POST", "/internal/users/" + subject + "/revoke-tokens", "{}");
    }

    private static TestHttp.Reply feed(long after) {
        TestHttp.Reply reply = harness.internal("GET", "/internal/revocations?after=" + after, null);
        assertEquals(200, reply.status(), reply.body());
        return reply;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> entries(TestHttp.Reply page) {
        return ((List<Map<String, Object>>) page.data().get("entries")).stream().map(HashMap::new)
                .map(m -> (Map<String, Object>) m).toList();
    }

    private static long lastSeq(TestHttp.Reply page) {
        return ((Number) page.data().get("last_seq")).longValue();
    }
}
