package com.aegisspeed.anticheat;

import com.aegisspeed.common.envelope.Codes;
import com.aegisspeed.common.identity.Role;
import com.aegisspeed.common.internal.InternalUser;
import com.aegisspeed.testsupport.TestHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.Map;

import static com.aegisspeed.anticheat.AnticheatHarness.MARK;
import static com.aegisspeed.anticheat.AnticheatHarness.MARK_HISTORY;
import static com.aegisspeed.anticheat.AnticheatHarness.STATUS;
import static com.aegisspeed.anticheat.AnticheatHarness.UNMARK;
import static com.aegisspeed.anticheat.AnticheatHarness.newLaunchCode;
import static com.aegisspeed.anticheat.AnticheatHarness.report;
import static com.aegisspeed.anticheat.CheatStatusTest.assertStatus;
import static com.aegisspeed.testsupport.EnvelopeAssertions.assertErrorEnvelope;
import static com.aegisspeed.testsupport.EnvelopeAssertions.assertStandardEnvelope;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code mark_cheater} / {@code unmark_cheater} / {@code get_cheater_mark_history}: the effects of a mark
 * (user-service state, token revocation, status) and of lifting it, audited; every refusal code.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CheaterMarkingTest {

    private AnticheatHarness harness;
    private AnticheatHarness.Admin admin;

    @BeforeAll
    void start() {
        harness = AnticheatHarness.start();
        admin = harness.newAdmin(Role.ORG_ADMIN);
    }

    @AfterAll
    void stop() {
        harness.close();
    }

    @Test
    void markingSetsTheStateRevokesTokensAndIsAuditedThenLiftingReversesIt() {
        AnticheatHarness.Player player = harness.newPlayer();
        String failed = reportCheck(player, "Failed");
        String suspicious = reportCheck(player, "Suspicious");

        TestHttp.Reply marked = harness.post(MARK, admin.token(), admin.secret(), Map.of(
                "user_AegisSpeed_id", player.user().aegisSpeedId(), "reason", "Memory tampering",
                "evidence_launch_codes", List.of(failed, suspicious)));
        assertStandardEnvelope(marked, 200, Codes.SUCCESS);
        assertEquals(true, marked.data().get("is_cheater"));
        assertEquals(player.user().aegisSpeedId(), marked.data().get("user_AegisSpeed_id"));

        String publicId = player.user().publicId();
        assertEquals(List.of(publicId + ":cheater"), stateChangesOf(publicId));
        assertEquals(InternalUser.CHEATER, harness.users.user(publicId).state());
        assertEquals(List.of(publicId), harness.authority.revokeTokenCalls().stream().filter(publicId::equals).toList());
        // This service had the revocation acknowledged, so it refuses the old token at once, before any poll.
        assertErrorEnvelope(harness.get(STATUS, player.token()), 401, "10001");
        String newToken = harness.tokenIssuedAfterBan(player.user());
        assertStatus(harness.get(STATUS, newToken), "10003", true, 2);

        TestHttp.Reply lifted = harness.post(UNMARK, admin.token(), admin.secret(), Map.of(
                "user_AegisSpeed_id", player.user().aegisSpeedId(), "reason", "Appeal accepted"));
        assertStandardEnvelope(lifted, 200, Codes.SUCCESS);
        assertEquals(false, lifted.data().get("is_cheater"));
        assertEquals(List.of(publicId + ":cheater", publicId + ":active"), stateChangesOf(publicId));
        assertEquals(InternalUser.ACTIVE, harness.users.user(publicId).state());
        assertStatus(harness.get(STATUS, newToken), "10004", false, 2);

        TestHttp.Reply history = harness.get(MARK_HISTORY + "?user_AegisSpeed_id=" + player.user().aegisSpeedId(),
                admin.token(), admin.secret());
        assertStandardEnvelope(history, 200, Codes.SUCCESS);
        List<Map<String, Object>> events = events(history);
        assertEquals(2, events.size());
        assertEquals("unmark", events.get(0).get("action"));
        assertEquals("Appeal accepted", events.get(0).get("reason"));
        assertEquals(List.of(), events.get(0).get("evidence_launch_codes"));
        assertEquals("mark", events.get(1).get("action"));
        assertEquals("Memory tampering", events.get(1).get("reason"));
        assertEquals(List.of(failed, suspicious), events.get(1).get("evidence_launch_codes"));
        for (Map<String, Object> event : events) {
            assertEquals(player.user().aegisSpeedId(), event.get("user_AegisSpeed_id"));
            assertEquals(admin.user().aegisSpeedId(), event.get("actor_AegisSpeed_id"));
            assertEquals(true, ((String) event.get("happened_at")).endsWith("Z"));
        }
    }

    @Test
    void markingTwiceAndLiftingWithoutAMarkAnswer409With10008() {
        AnticheatHarness.Player player = harness.newPlayer();
        String failed = reportCheck(player, "Failed");
        Map<String, Object> mark = Map.of("user_AegisSpeed_id", player.user().aegisSpeedId(), "reason", "Aimbot",
                "evidence_launch_codes", List.of(failed));
        Map<String, Object> unmark = Map.of("user_AegisSpeed_id", player.user().aegisSpeedId(), "reason", "Appeal");
        assertErrorEnvelope(harness.post(UNMARK, admin.token(), admin.secret(), unmark), 409, "10008");
        assertStandardEnvelope(harness.post(MARK, admin.token(), admin.secret(), mark), 200, Codes.SUCCESS);
        assertErrorEnvelope(harness.post(MARK, admin.token(), admin.secret(), mark), 409, "10008");
        assertStandardEnvelope(harness.post(UNMARK, admin.token(), admin.secret(), unmark), 200, Codes.SUCCESS);
        assertErrorEnvelope(harness.post(UNMARK, admin.token(), admin.secret(), unmark), 409, "10008");
        assertEquals(2, events(harness.get(MARK_HISTORY + "?user_AegisSpeed_id=" + player.user().aegisSpeedId(),
                admin.token(), admin.secret())).size());
    }

    @Test
    void anUnknownUserAnswers404With10007() {
        assertErrorEnvelope(harness.post(MARK, admin.token(), admin.secret(), Map.of("user_AegisSpeed_id", "ASD000000",
                "reason", "x", "evidence_launch_codes", List.of(newLaunchCode()))), 404, "10007");
        assertErrorEnvelope(harness.post(UNMARK, admin.token(), admin.secret(),
                Map.of("user_AegisSpeed_id", "ASD000000", "reason", "x")), 404, "10007");
    }

    @Test
    void invalidInputAnswers400With10006AndChangesNothing() {
        AnticheatHarness.Player player = harness.newPlayer();
        AnticheatHarness.Player other = harness.newPlayer();
        String passed = reportCheck(player, "Passed");
        String failed = reportCheck(player, "Failed");
        String othersFailure = reportCheck(other, "Failed");
        String id = player.user().aegisSpeedId();
        List<Map<String, Object>> invalid = List.of(
                Map.of("user_AegisSpeed_id", "ASD12345", "reason", "x", "evidence_launch_codes", List.of(failed)),
                Map.of("user_AegisSpeed_id", id, "reason", " ", "evidence_launch_codes", List.of(failed)),
                Map.of("user_AegisSpeed_id", id, "reason", "x".repeat(1025), "evidence_launch_codes", List.of(failed)),
                Map.of("user_AegisSpeed_id", id, "reason", "x", "evidence_launch_codes", List.of()),
                Map.of("user_AegisSpeed_id", id, "reason", "x", "evidence_launch_codes", List.of("bad code")),
                Map.of("user_AegisSpeed_id", id, "reason", "x", "evidence_launch_codes", List.of(passed)),
                Map.of("user_AegisSpeed_id", id, "reason", "x", "evidence_launch_codes", List.of(failed, othersFailure)),
                Map.of("user_AegisSpeed_id", id, "reason", "x", "evidence_launch_codes", List.of(newLaunchCode())));

        for (Map<String, Object> body : invalid) {
            assertErrorEnvelope(harness.post(MARK, admin.token(), admin.secret(), body), 400, "10006");
        }
        assertErrorEnvelope(harness.post(UNMARK, admin.token(), admin.secret(), Map.of("user_AegisSpeed_id", id, "reason", "")),
                400, "10006");
        assertErrorEnvelope(harness.post(MARK, admin.token(), admin.secret(), Map.of("user_AegisSpeed_id", id, "reason", "x")),
                400, Codes.MALFORMED_REQUEST);
        assertEquals(List.of(), stateChangesOf(player.user().publicId()));
        assertStatus(harness.get(STATUS, player.token()), "10004", false, 1);
    }

    @Test
    void historyIsPagedNewestFirstAcrossUsers() {
        AnticheatHarness.Player first = harness.newPlayer();
        AnticheatHarness.Player second = harness.newPlayer();
        for (AnticheatHarness.Player player : List.of(first, second)) {
            assertStandardEnvelope(harness.post(MARK, admin.token(), admin.secret(), Map.of(
                    "user_AegisSpeed_id", player.user().aegisSpeedId(), "reason", "r",
                    "evidence_launch_codes", List.of(reportCheck(player, "Failed")))), 200, Codes.SUCCESS);
        }
        TestHttp.Reply page = harness.get(MARK_HISTORY + "?page=1&size=1", admin.token(), admin.secret());
        assertStandardEnvelope(page, 200, Codes.SUCCESS);
        assertEquals(List.of(second.user().aegisSpeedId()),
                events(page).stream().map(e -> e.get("user_AegisSpeed_id")).toList());
        long total = ((Number) page.data().get("total")).longValue();
        assertEquals(true, total >= 2);
        assertErrorEnvelope(harness.get(MARK_HISTORY + "?size=500", admin.token(), admin.secret()), 400, Codes.MALFORMED_REQUEST);
        assertErrorEnvelope(harness.get(MARK_HISTORY + "?user_AegisSpeed_id=nope", admin.token(), admin.secret()), 400, "10006");
    }

    private String reportCheck(AnticheatHarness.Player player, String result) {
        String launch = newLaunchCode();
        assertStandardEnvelope(harness.report(player.token(),
                report(launch, player.machineCode(), result, "2026-02-23T10:00:00Z")), 200, Codes.SUCCESS);
        return launch;
    }

    private List<String> stateChangesOf(String publicId) {
        return harness.users.stateChanges().stream().filter(change -> change.startsWith(publicId + ":")).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> events(TestHttp.Reply reply) {
        return (List<Map<String, Object>>) reply.data().get("events");
    }
}
