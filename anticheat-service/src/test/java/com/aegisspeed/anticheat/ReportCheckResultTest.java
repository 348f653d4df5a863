package com.aegisspeed.anticheat;

import com.aegisspeed.common.envelope.Codes;
import com.aegisspeed.common.identity.Role;
import com.aegisspeed.testsupport.TestHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static com.aegisspeed.anticheat.AnticheatHarness.HISTORY;
import static com.aegisspeed.anticheat.AnticheatHarness.newLaunchCode;
import static com.aegisspeed.anticheat.AnticheatHarness.newMachineCode;
import static com.aegisspeed.anticheat.AnticheatHarness.report;
import static com.aegisspeed.testsupport.EnvelopeAssertions.assertErrorEnvelope;
import static com.aegisspeed.testsupport.EnvelopeAssertions.assertStandardEnvelope;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code report_check_result}: validation, machine ownership, idempotent launch codes, faults. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportCheckResultTest {

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
    void aReportOnTheUsersOwnMachineIsStoredWithTimesInUtc() {
        AnticheatHarness.Player player = harness.newPlayer();
        String launch = newLaunchCode();
        Map<String, Object> body = report(launch, player.machineCode(), "Passed", "2026-02-23T18:00:00+08:00");
        TestHttp.Reply reply = harness.report(player.token(), body);
        assertStandardEnvelope(reply, 200, Codes.SUCCESS);
        assertEquals(Map.of("launch_code", launch), reply.data());

        List<Map<String, Object>> logs = checkLogs(player);
        assertEquals(1, logs.size());
        Map<String, Object> log = logs.get(0);
        assertEquals(launch, log.get("launch_code"));
        assertEquals(player.machineCode(), log.get("machine_code"));
        assertEquals("Passed", log.get("check_result"));
        assertEquals(body.get("check_result_detail"), log.get("check_result_detail"));
        assertEquals("2026-02-23T10:00:00Z", log.get("start_time"));
        assertEquals("2026-02-23T10:00:30Z", log.get("finish_time"));
    }

    @Test
    void theSameReportAgainSucceedsWithoutASecondRow() {
        AnticheatHarness.Player player = harness.newPlayer();
        Map<String, Object> body = report(newLaunchCode(), player.machineCode(), "Failed", "2026-02-23T10:00:00Z");
        assertStandardEnvelope(harness.report(player.token(), body), 200, Codes.SUCCESS);
        // The same instant written with another offset is the same report.
        Map<String, Object> sameInstant = new LinkedHashMap<>(body);
        sameInstant.put("start_time", "2026-02-23T18:00:00+08:00");
        sameInstant.put("finish_time", "2026-02-23T18:00:30+08:00");
        assertStandardEnvelope(harness.report(player.token(), sameInstant), 200, Codes.SUCCESS);
        assertStandardEnvelope(harness.report(player.token(), body), 200, Codes.SUCCESS);
        assertEquals(1, checkLogs(player).size());
    }

    @Test
    void parallelRepeatsOfOneReportAllSucceedAndStoreOneRow() throws Exception {
        AnticheatHarness.Player player = harness.newPlayer();
        Map<String, Object> body = report(newLaunchCode(), player.machineCode(), "Suspicious", "2026-02-23T10:00:00Z");
        // Keys and revocations loaded first: the parallel requests race for the launch code, not for the JWKS.
        assertEquals(0, checkLogs(player).size());
        int parallel = 12;
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<TestHttp.Reply>> replies = new ArrayList<>();
        for (int i = 0; i < parallel; i++) {
            replies.add(pool.submit(() -> {
                go.await();
                return harness.report(player.token(), body);
            }));
        }
        go.countDown();
        for (Future<TestHttp.Reply> reply : replies) {
            assertStandardEnvelope(reply.get(60, TimeUnit.SECONDS), 200, Codes.SUCCESS);
        }
        pool.shutdown();
        assertEquals(1, checkLogs(player).size());
    }

    @Test
    void aDifferentReportUnderAUsedLaunchCodeIsRefusedWith409() {
        AnticheatHarness.Player player = harness.newPlayer();
        String launch = newLaunchCode();
        assertStandardEnvelope(harness.report(player.token(),
                report(launch, player.machineCode(), "Passed", "2026-02-23T10:00:00Z")), 200, Codes.SUCCESS);
        assertErrorEnvelope(harness.report(player.token(),
                report(launch, player.machineCode(), "Failed", "2026-02-23T10:00:00Z")), 409, "10006");
        assertEquals("Passed", checkLogs(player).get(0).get("check_result"));
        assertEquals(1, checkLogs(player).size());
    }

    @Test
    void anotherUsersLaunchCodeNeitherShowsNorBlocksAnything() {
        AnticheatHarness.Player owner = harness.newPlayer();
        AnticheatHarness.Player stranger = harness.newPlayer();
        String reported = newLaunchCode();
        assertStandardEnvelope(harness.report(owner.token(),
                report(reported, owner.machineCode(), "Passed", "2026-02-23T10:00:00Z")), 200, Codes.SUCCESS);
        // The stranger learns nothing from the owner's code: it is simply the stranger's own report.
        assertStandardEnvelope(harness.report(stranger.token(),
                report(reported, stranger.machineCode(), "Failed", "2026-02-23T11:00:00Z")), 200, Codes.SUCCESS);
        // A code the stranger claims first is still the owner's to report.
        String squatted = newLaunchCode();
        assertStandardEnvelope(harness.report(stranger.token(),
                report(squatted, stranger.machineCode(), "Passed", "2026-02-23T12:00:00Z")), 200, Codes.SUCCESS);
        assertStandardEnvelope(harness.report(owner.token(),
                report(squatted, owner.machineCode(), "Suspicious", "2026-02-23T12:00:00Z")), 200, Codes.SUCCESS);
        assertEquals(2, checkLogs(owner).size());
        assertEquals(2, checkLogs(stranger).size());
        assertEquals("Passed", checkLogs(owner).stream()
                .filter(log -> reported.equals(log.get("launch_code"))).findFirst().orElseThrow().get("check_result"));
    }

    @Test
    void aMachineNotBoundToTheUserIsRefusedWith403() {
        AnticheatHarness.Player player = harness.newPlayer();
        AnticheatHarness.Player other = harness.newPlayer();
        assertErrorEnvelope(harness.report(player.token(),
                report(newLaunchCode(), other.machineCode(), "Passed", "2026-02-23T10:00:00Z")), 403, "10005");
        assertErrorEnvelope(harness.report(player.token(),
                report(newLaunchCode(), newMachineCode(), "Passed", "2026-02-23T10:00:00Z")), 403, "10005");
        assertEquals(0, checkLogs(player).size());
    }

    @Test
    void everyInvalidFieldAnswers400With10003AndStoresNothing() {
        AnticheatHarness.Player player = harness.newPlayer();
        List<Map<String, Object>> invalid = List.of(
                Map.of("launch_code", ""), Map.of("launch_code", "has space"), Map.of("launch_code", "x".repeat(65)),
                Map.of("machine_code", "short"), Map.of("check_result", "passed"), Map.of("check_result", "Unknown"),
                Map.of("check_result_detail", " "), Map.of("check_result_detail", "x".repeat(2049)),
                Map.of("start_time", "2026-02-23T10:00:00"), Map.of("start_time", "yesterday"),
                Map.of("finish_time", "2026-02-23T09:59:59Z"), Map.of("start_time", "+10000-01-01T00:00:00Z"));
        for (Map<String, Object> change : invalid) {
            Map<String, Object> body = report(newLaunchCode(), player.machineCode(), "Passed", "2026-02-23T10:00:00Z");
            body.putAll(change);
            assertErrorEnvelope(harness.report(player.token(), body), 400, "10003");
        }
        Map<String, Object> missing = report(newLaunchCode(), player.machineCode(), "Passed", "2026-02-23T10:00:00Z");
        missing.remove("finish_time");
        assertErrorEnvelope(harness.report(player.token(), missing), 400, Codes.MALFORMED_REQUEST);
        assertEquals(0, checkLogs(player).size());
    }

    @Test
    void missingOrInvalidTokensAnswer401With10001() {
        AnticheatHarness.Player player = harness.newPlayer();
        Map<String, Object> body = report(newLaunchCode(), player.machineCode(), "Passed", "2026-02-23T10:00:00Z");
        assertErrorEnvelope(harness.report(null, body), 401, "10001");
        String expired = harness.authority.sign(harness.authority.claims(player.user().publicId(),
                player.user().aegisSpeedId(), Role.USER).expirationTime(new Date(0)).build());
        assertErrorEnvelope(harness.report(expired, body), 401, "10001");
        assertEquals(0, checkLogs(player).size());
    }

    @Test
    void machineServiceDownAnswers500With10004AndStoresNothing() {
        AnticheatHarness.Player player = harness.newPlayer();
        Map<String, Object> body = report(newLaunchCode(), player.machineCode(), "Passed", "2026-02-23T10:00:00Z");
        harness.machines.stop();
        try {
            assertErrorEnvelope(harness.report(player.token(), body), 500, "10004");
        } finally {
            harness.machines.restart();
        }
        assertEquals(0, checkLogs(player).size());
        assertStandardEnvelope(harness.report(player.token(), body), 200, Codes.SUCCESS);
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> checkLogs(AnticheatHarness.Player player) {
        TestHttp.Reply reply = harness.get(HISTORY + "?size=100", player.token());
        assertStandardEnvelope(reply, 200, Codes.SUCCESS);
        return (List<Map<String, Object>>) reply.data().get("check_logs");
    }
}
