package com.aegisspeed.anticheat;

import com.aegisspeed.common.envelope.Codes;
import com.aegisspeed.testsupport.TestHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.Map;

import static com.aegisspeed.anticheat.AnticheatHarness.STATUS;
import static com.aegisspeed.anticheat.AnticheatHarness.newLaunchCode;
import static com.aegisspeed.anticheat.AnticheatHarness.report;
import static com.aegisspeed.testsupport.EnvelopeAssertions.assertErrorEnvelope;
import static com.aegisspeed.testsupport.EnvelopeAssertions.assertStandardEnvelope;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code check_user_cheat_status}: {@code 10000} no cheating records, {@code 10004} cheating records but no
 * mark, {@code 10003} marked (the marking itself is covered by CheaterMarkingTest).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CheatStatusTest {

    private AnticheatHarness harness;

    @BeforeAll
    void start() {
        harness = AnticheatHarness.start();
    }

    @AfterAll
    void stop() {
        harness.close();
    }

    @Test
    void noChecksAtAllAnswers10000() {
        AnticheatHarness.Player player = harness.newPlayer();
        assertStatus(harness.get(STATUS, player.token()), Codes.SUCCESS, false, 0);
    }

    @Test
    void onlyPassedChecksAreNoCheatingRecords() {
        AnticheatHarness.Player player = harness.newPlayer();
        reportCheck(player, "Passed");
        reportCheck(player, "Passed");
        assertStatus(harness.get(STATUS, player.token()), Codes.SUCCESS, false, 0);
    }

    @Test
    void failedAndSuspiciousChecksAreCheatingRecordsButNoMark() {
        AnticheatHarness.Player player = harness.newPlayer();
        reportCheck(player, "Passed");
        reportCheck(player, "Failed");
        reportCheck(player, "Suspicious");
        assertStatus(harness.get(STATUS, player.token()), "10004", false, 2);
    }

    @Test
    void missingTokenAnswers401With10001() {
        assertErrorEnvelope(harness.get(STATUS, null), 401, "10001");
    }

    private void reportCheck(AnticheatHarness.Player player, String result) {
        assertStandardEnvelope(harness.report(player.token(),
                report(newLaunchCode(), player.machineCode(), result, "2026-02-23T10:00:00Z")), 200, Codes.SUCCESS);
    }

    static void assertStatus(TestHttp.Reply reply, String code, boolean cheater, int records) {
        assertStandardEnvelope(reply, 200, code);
        assertEquals(Map.of("is_cheater", cheater, "records", records), reply.data());
    }
}
