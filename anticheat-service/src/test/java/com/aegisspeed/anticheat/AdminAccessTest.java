package com.aegisspeed.anticheat;

import com.aegisspeed.common.envelope.Codes;
import com.aegisspeed.common.identity.Role;
import com.aegisspeed.testsupport.TestHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import static com.aegisspeed.anticheat.AnticheatHarness.LIST_RECORDS;
import static com.aegisspeed.anticheat.AnticheatHarness.MARK;
import static com.aegisspeed.anticheat.AnticheatHarness.MARK_HISTORY;
import static com.aegisspeed.anticheat.AnticheatHarness.UNMARK;
import static com.aegisspeed.anticheat.AnticheatHarness.newLaunchCode;
import static com.aegisspeed.anticheat.AnticheatHarness.report;
import static com.aegisspeed.testsupport.EnvelopeAssertions.assertErrorEnvelope;
import static com.aegisspeed.testsupport.EnvelopeAssertions.assertStandardEnvelope;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every {@code /anticheat/admin/*} endpoint needs an admin token (401 {@code 10001} / 403 {@code 10005}) and the
 * dynamic admin secret issued for that token (401 {@code 10004}); {@code list_cheating_records} lists Failed and
 * Suspicious checks, newest first.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminAccessTest {

    private AnticheatHarness harness;
    private AnticheatHarness.Player player;
    private final List<String> cheatingLaunchCodes = new ArrayList<>();

    @BeforeAll
    void start() {
        harness = AnticheatHarness.start();
        player = harness.newPlayer();
        String[] results = {"Failed", "Passed", "Suspicious", "Failed"};
        for (int i = 0; i < results.length; i++) {
            String launch = newLaunchCode();
            assertStandardEnvelope(harness.report(player.token(), report(launch, player.machineCode(), results[i],
                    "2026-02-23T1%d:00:00Z".formatted(i))), 200, Codes.SUCCESS);
            if (!"Passed".equals(results[i])) {
                cheatingLaunchCodes.add(0, launch);
            }
        }
        AnticheatHarness.Player other = harness.newPlayer();
        assertStandardEnvelope(harness.report(other.token(), report(newLaunchCode(), other.machineCode(), "Failed",
                "2026-02-22T10:00:00Z")), 200, Codes.SUCCESS);
    }

    @AfterAll
    void stop() {
        harness.close();
    }

    /** Each admin endpoint, called with a token and an admin secret. */
    private List<BiFunction<String, String, TestHttp.Reply>> endpoints() {
        Map<String, Object> mark = Map.of("user_AegisSpeed_id", player.user().aegisSpeedId(), "reason", "r",
                "evidence_launch_codes", List.of(cheatingLaunchCodes.get(0)));
        Map<String, Object> unmark = Map.of("user_AegisSpeed_id", player.user().aegisSpeedId(), "reason", "r");
        return List.of(
                (token, secret) -> harness.get(LIST_RECORDS, token, secret),
                (token, secret) -> harness.post(MARK, token, secret, mark),
                (token, secret) -> harness.post(UNMARK, token, secret, unmark),
                (token, secret) -> harness.get(MARK_HISTORY, token, secret));
    }

    @Test
    void withoutATokenEveryAdminEndpointAnswers401With10001() {
        for (var endpoint : endpoints()) {
            assertErrorEnvelope(endpoint.apply(null, "whatever"), 401, "10001");
        }
    }

    @Test
    void anOrdinaryUsersTokenAnswers403With10005() {
        String secretOfTheUser = harness.authority.issueAdminSecret(player.token());
        for (var endpoint : endpoints()) {
            assertErrorEnvelope(endpoint.apply(player.token(), secretOfTheUser), 403, "10005");
        }
    }

    @Test
    void aMissingWrongOrForeignAdminSecretAnswers401With10004() {
        AnticheatHarness.Admin admin = harness.newAdmin(Role.ADMIN);
        AnticheatHarness.Admin otherAdmin = harness.newAdmin(Role.SUPER_ADMIN);
        for (var endpoint : endpoints()) {
            assertErrorEnvelope(endpoint.apply(admin.token(), null), 401, "10004");
            assertErrorEnvelope(endpoint.apply(admin.token(), "wrong"), 401, "10004");
            assertErrorEnvelope(endpoint.apply(admin.token(), otherAdmin.secret()), 401, "10004");
        }
        assertEquals(List.of(), harness.users.stateChanges());
    }

    @Test
    void cheatingRecordsAreFailedAndSuspiciousChecksNewestFirst() {
        AnticheatHarness.Admin admin = harness.newAdmin(Role.ORG_ADMIN);
        TestHttp.Reply mine = harness.get(LIST_RECORDS + "?user_AegisSpeed_id=" + player.user().aegisSpeedId(),
                admin.token(), admin.secret());
        assertStandardEnvelope(mine, 200, Codes.SUCCESS);
        assertEquals(cheatingLaunchCodes, launchCodesOf(mine));
        assertEquals(3, ((Number) mine.data().get("total")).intValue());
        Map<String, Object> newest = records(mine).get(0);
        assertEquals(List.of("launch_code", "machine_code", "user_AegisSpeed_id", "check_result", "check_result_detail",
                "start_time", "finish_time", "reported_at"), List.copyOf(newest.keySet()));
        assertEquals(player.user().aegisSpeedId(), newest.get("user_AegisSpeed_id"));
        assertEquals("2026-02-23T13:00:00Z", newest.get("start_time"));

        TestHttp.Reply all = harness.get(LIST_RECORDS + "?page=2&size=2", admin.token(), admin.secret());
        assertStandardEnvelope(all, 200, Codes.SUCCESS);
        assertEquals(4, ((Number) all.data().get("total")).intValue());
        assertEquals(2, records(all).size());
        assertEquals(cheatingLaunchCodes.get(2), launchCodesOf(all).get(0));

        assertErrorEnvelope(harness.get(LIST_RECORDS + "?size=0", admin.token(), admin.secret()), 400, Codes.MALFORMED_REQUEST);
        assertErrorEnvelope(harness.get(LIST_RECORDS + "?user_AegisSpeed_id=x", admin.token(), admin.secret()), 400, "10006");
    }

    @Test
    void authServiceDownAnswers500With10003() {
        AnticheatHarness.Admin admin = harness.newAdmin(Role.ADMIN);
        harness.authority.stop();
        try {
            for (var endpoint : endpoints()) {
                assertErrorEnvelope(endpoint.apply(admin.token(), admin.secret()), 500, "10003");
            }
        } finally {
            harness.authority.restart();
        }
        assertEquals(List.of(), harness.users.stateChanges());
        assertStandardEnvelope(harness.get(LIST_RECORDS, admin.token(), admin.secret()), 200, Codes.SUCCESS);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> records(TestHttp.Reply reply) {
        return (List<Map<String, Object>>) reply.data().get("cheating_records");
    }

    private static List<Object> launchCodesOf(TestHttp.Reply reply) {
        return records(reply).stream().map(record -> record.get("launch_code")).toList();
    }
}
