package com.aegisspeed.anticheat;

import com.aegisspeed.common.envelope.Codes;
import com.aegisspeed.common.identity.IdNumbers;
import com.aegisspeed.testsupport.TestHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.aegisspeed.anticheat.AnticheatHarness.HISTORY;
import static com.aegisspeed.anticheat.AnticheatHarness.newLaunchCode;
import static com.aegisspeed.anticheat.AnticheatHarness.report;
import static com.aegisspeed.testsupport.EnvelopeAssertions.assertErrorEnvelope;
import static com.aegisspeed.testsupport.EnvelopeAssertions.assertStandardEnvelope;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code get_user_check_info}: the token's user's own checks, newest first, paged, ID number masked. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UserCheckHistoryTest {

    private static final int CHECKS = 7;

    private AnticheatHarness harness;
    private AnticheatHarness.Player player;
    /** Launch codes in the order their checks started, oldest first. */
    private final List<String> launchCodes = new ArrayList<>();

    @BeforeAll
    void start() {
        harness = AnticheatHarness.start();
        player = harness.newPlayer();
        // Reported out of order: the history sorts by start time, not by arrival.
        int[] hours = {3, 1, 6, 0, 5, 2, 4};
        String[] byHour = new String[CHECKS];
        for (int hour : hours) {
            String launch = newLaunchCode();
            byHour[hour] = launch;
            assertStandardEnvelope(harness.report(player.token(), report(launch, player.machineCode(),
                    hour % 2 == 0 ? "Passed" : "Failed", "2026-02-21T1%d:00:00Z".formatted(hour))), 200, Codes.SUCCESS);
        }
        launchCodes.addAll(List.of(byHour));
        harness.newPlayer(); // someone else, whose checks never show
    }

    @AfterAll
    void stop() {
        harness.close();
    }

    @Test
    void withoutParametersTheNewestTwentyComeNewestFirst() {
        TestHttp.Reply reply = harness.get(HISTORY, player.token());
        Map<String, Object> envelope = assertStandardEnvelope(reply, 200, Codes.SUCCESS);
        assertEquals("User historical check information retrieved successfully", envelope.get("result"));
        assertEquals(List.of(launchCodes.get(6), launchCodes.get(5), launchCodes.get(4), launchCodes.get(3),
                launchCodes.get(2), launchCodes.get(1), launchCodes.get(0)), launchCodesOf(reply));
        assertEquals(1, ((Number) reply.data().get("page")).intValue());
        assertEquals(20, ((Number) reply.data().get("size")).intValue());
        assertEquals(CHECKS, ((Number) reply.data().get("total")).intValue());
    }

    @Test
    void everyEntryHasTheDocumentedFieldsAndTheMaskedIdNumber() {
        for (Map<String, Object> log : logs(harness.get(HISTORY, player.token()))) {
            assertEquals(List.of("launch_code", "machine_code", "user_id", "check_result", "check_result_detail",
                    "start_time", "finish_time"), List.copyOf(log.keySet()));
            assertEquals(IdNumbers.mask(player.user().idNumber()), log.get("user_id"));
            assertEquals(player.machineCode(), log.get("machine_code"));
        }
    }

    @Test
    void pagesSliceTheHistory() {
        TestHttp.Reply second = harness.get(HISTORY + "?page=2&size=3", player.token());
        assertStandardEnvelope(second, 200, Codes.SUCCESS);
        assertEquals(List.of(launchCodes.get(3), launchCodes.get(2), launchCodes.get(1)), launchCodesOf(second));
        assertEquals(CHECKS, ((Number) second.data().get("total")).intValue());
        assertEquals(List.of(launchCodes.get(0)), launchCodesOf(harness.get(HISTORY + "?page=3&size=3", player.token())));
        assertEquals(List.of(), launchCodesOf(harness.get(HISTORY + "?page=4&size=3", player.token())));
    }

    @Test
    void pagingOutOfBoundsIsAMalformedRequest() {
        for (String query : List.of("?page=0", "?size=0", "?size=101", "?page=10001", "?page=-1", "?page=abc", "?size=1.5")) {
            assertErrorEnvelope(harness.get(HISTORY + query, player.token()), 400, Codes.MALFORMED_REQUEST);
        }
    }

    @Test
    void aUserWithoutChecksGetsAnEmptyList() {
        AnticheatHarness.Player fresh = harness.newPlayer();
        TestHttp.Reply reply = harness.get(HISTORY, fresh.token());
        assertStandardEnvelope(reply, 200, Codes.SUCCESS);
        assertEquals(List.of(), reply.data().get("check_logs"));
        assertEquals(0, ((Number) reply.data().get("total")).intValue());
    }

    @Test
    void missingTokenAnswers401With10001() {
        assertErrorEnvelope(harness.get(HISTORY, null), 401, "10001");
        assertErrorEnvelope(harness.get(HISTORY, "garbage"), 401, "10001");
    }

    @Test
    void userServiceDownAnswers500With10004() {
        harness.users.stop();
        try {
            assertErrorEnvelope(harness.get(HISTORY, player.token()), 500, "10004");
        } finally {
            harness.users.restart();
        }
        assertStandardEnvelope(harness.get(HISTORY, player.token()), 200, Codes.SUCCESS);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> logs(TestHttp.Reply reply) {
        return (List<Map<String, Object>>) reply.data().get("check_logs");
    }

    private static List<Object> launchCodesOf(TestHttp.Reply reply) {
        return logs(reply).stream().map(log -> log.get("launch_code")).toList();
    }
}
