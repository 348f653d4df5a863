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
 * A mark or lift that fails half-way (user-service or auth-service down, or failing on the second call)
 * answers 500 {@code 10003} and leaves no partial state: no mark, no audit event, the user's state as before.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MarkCompensationTest {

    private AnticheatHarness harness;
    private AnticheatHarness.Admin admin;

    @BeforeAll
    void start() {
        harness = AnticheatHarness.start();
        admin = harness.newAdmin(Role.SUPER_ADMIN);
    }

    @AfterAll
    void stop() {
        harness.close();
    }

    @Test
    void revocationFailingAfterTheStateChangeSetsTheStateBackAndStoresNothing() {
        AnticheatHarness.Player player = harness.newPlayer();
        Map<String, Object> mark = markOf(player);
        String publicId = player.user().publicId();
        harness.authRoute.breakRoute("POST", "/revoke-tokens");
        try {
            assertErrorEnvelope(harness.post(MARK, admin.token(), admin.secret(), mark), 500, "10003");
        } finally {
            harness.authRoute.heal();
        }
        assertEquals(List.of(publicId + ":cheater", publicId + ":active"), stateChangesOf(publicId));
        assertEquals(InternalUser.ACTIVE, harness.users.user(publicId).state());
        assertNotMarked(player);

        assertStandardEnvelope(harness.post(MARK, admin.token(), admin.secret(), mark), 200, Codes.SUCCESS);
        assertEquals(List.of(publicId), harness.authority.revokeTokenCalls().stream().filter(publicId::equals).toList());
    }

    @Test
    void userServiceRefusingTheStateChangeStoresNothingAndRevokesNothing() {
        AnticheatHarness.Player player = harness.newPlayer();
        Map<String, Object> mark = markOf(player);
        harness.userRoute.breakRoute("PUT", "/state");
        try {
            assertErrorEnvelope(harness.post(MARK, admin.token(), admin.secret(), mark), 500, "10003");
        } finally {
            harness.userRoute.heal();
        }
        assertEquals(InternalUser.ACTIVE, harness.users.user(player.user().publicId()).state());
        assertEquals(List.of(), harness.authority.revokeTokenCalls().stream().filter(player.user().publicId()::equals).toList());
        assertNotMarked(player);
    }

    @Test
    void userServiceDownChangesNothing() {
        AnticheatHarness.Player player = harness.newPlayer();
        Map<String, Object> mark = markOf(player);
        harness.users.stop();
        try {
            assertErrorEnvelope(harness.post(MARK, admin.token(), admin.secret(), mark), 500, "10003");
        } finally {
            harness.users.restart();
        }
        assertEquals(List.of(), stateChangesOf(player.user().publicId()));
        assertNotMarked(player);
    }

    @Test
    void authServiceDownChangesNothing() {
        AnticheatHarness.Player player = harness.newPlayer();
        Map<String, Object> mark = markOf(player);
        harness.authority.stop();
        try {
            assertErrorEnvelope(harness.post(MARK, admin.token(), admin.secret(), mark), 500, "10003");
        } finally {
            harness.authority.restart();
        }
        assertEquals(List.of(), stateChangesOf(player.user().publicId()));
        assertNotMarked(player);
    }

    @Test
    void aLiftFailingAtUserServiceKeepsTheMark() {
        AnticheatHarness.Player player = harness.newPlayer();
        assertStandardEnvelope(harness.post(MARK, admin.token(), admin.secret(), markOf(player)), 200, Codes.SUCCESS);
        Map<String, Object> unmark = Map.of("user_AegisSpeed_id", player.user().aegisSpeedId(), "reason", "Appeal");
        harness.userRoute.breakRoute("PUT", "/state");
        try {
            assertErrorEnvelope(harness.post(UNMARK, admin.token(), admin.secret(), unmark), 500, "10003");
        } finally {
            harness.userRoute.heal();
        }
        assertEquals(InternalUser.CHEATER, harness.users.user(player.user().publicId()).state());
        assertStatus(harness.get(STATUS, harness.tokenIssuedAfterBan(player.user())), "10003", true, 1);
        assertEquals(List.of("mark"), historyOf(player).stream().map(event -> event.get("action")).toList());

        assertStandardEnvelope(harness.post(UNMARK, admin.token(), admin.secret(), unmark), 200, Codes.SUCCESS);
        assertEquals(InternalUser.ACTIVE, harness.users.user(player.user().publicId()).state());
    }

    private Map<String, Object> markOf(AnticheatHarness.Player player) {
        String failed = newLaunchCode();
        assertStandardEnvelope(harness.report(player.token(),
                report(failed, player.machineCode(), "Failed", "2026-02-23T10:00:00Z")), 200, Codes.SUCCESS);
        return Map.of("user_AegisSpeed_id", player.user().aegisSpeedId(), "reason", "Speed hack",
                "evidence_launch_codes", List.of(failed));
    }

    private void assertNotMarked(AnticheatHarness.Player player) {
        assertStatus(harness.get(STATUS, player.token()), "10004", false, 1);
        assertEquals(List.of(), historyOf(player));
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> historyOf(AnticheatHarness.Player player) {
        TestHttp.Reply reply = harness.get(MARK_HISTORY + "?user_AegisSpeed_id=" + player.user().aegisSpeedId(),
                admin.token(), admin.secret());
        assertStandardEnvelope(reply, 200, Codes.SUCCESS);
        return (List<Map<String, Object>>) reply.data().get("events");
    }

    private List<String> stateChangesOf(String publicId) {
        return harness.users.stateChanges().stream().filter(change -> change.startsWith(publicId + ":")).toList();
    }
}
