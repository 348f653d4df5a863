package com.aegisspeed.anticheat;

import com.aegisspeed.common.envelope.Codes;
import com.aegisspeed.common.identity.Role;
import com.aegisspeed.testsupport.TestHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static com.aegisspeed.anticheat.AnticheatHarness.HISTORY;
import static com.aegisspeed.anticheat.AnticheatHarness.LIST_RECORDS;
import static com.aegisspeed.anticheat.AnticheatHarness.MARK;
import static com.aegisspeed.anticheat.AnticheatHarness.MARK_HISTORY;
import static com.aegisspeed.anticheat.AnticheatHarness.STATUS;
import static com.aegisspeed.anticheat.AnticheatHarness.newLaunchCode;
import static com.aegisspeed.anticheat.AnticheatHarness.report;
import static com.aegisspeed.anticheat.CheatStatusTest.assertStatus;
import static com.aegisspeed.testsupport.EnvelopeAssertions.assertErrorEnvelope;
import static com.aegisspeed.testsupport.EnvelopeAssertions.assertStandardEnvelope;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Reports, paging and marking work the same on the local default database (embedded H2). */
class EmbeddedH2AnticheatTest {

    @Test
    @SuppressWarnings("unchecked")
    void reportPageAndMarkOnH2(@TempDir Path dataDir) {
        try (AnticheatHarness harness = AnticheatHarness.startOnEmbeddedH2(dataDir)) {
            AnticheatHarness.Player player = harness.newPlayer();
            String older = newLaunchCode();
            String newer = newLaunchCode();
            Map<String, Object> olderReport = report(older, player.machineCode(), "Failed", "2026-02-23T10:00:00Z");
            assertStandardEnvelope(harness.report(player.token(), olderReport), 200, Codes.SUCCESS);
            assertStandardEnvelope(harness.report(player.token(), olderReport), 200, Codes.SUCCESS);
            assertStandardEnvelope(harness.report(player.token(),
                    report(newer, player.machineCode(), "Passed", "2026-02-23T11:00:00Z")), 200, Codes.SUCCESS);
            assertErrorEnvelope(harness.report(player.token(),
                    report(older, player.machineCode(), "Passed", "2026-02-23T10:00:00Z")), 409, "10006");

            TestHttp.Reply page = harness.get(HISTORY + "?page=1&size=1", player.token());
            assertStandardEnvelope(page, 200, Codes.SUCCESS);
            assertEquals(2, ((Number) page.data().get("total")).intValue());
            assertEquals(newer, ((List<Map<String, Object>>) page.data().get("check_logs")).get(0).get("launch_code"));

            AnticheatHarness.Admin admin = harness.newAdmin(Role.ADMIN);
            assertEquals(1, ((Number) harness.get(LIST_RECORDS, admin.token(), admin.secret()).data().get("total")).intValue());
            Map<String, Object> mark = Map.of("user_AegisSpeed_id", player.user().aegisSpeedId(), "reason", "r",
                    "evidence_launch_codes", List.of(older));
            assertStandardEnvelope(harness.post(MARK, admin.token(), admin.secret(), mark), 200, Codes.SUCCESS);
            assertErrorEnvelope(harness.post(MARK, admin.token(), admin.secret(), mark), 409, "10008");
            assertStatus(harness.get(STATUS, harness.tokenIssuedAfterBan(player.user())), "10003", true, 1);
            assertEquals(1, ((Number) harness.get(MARK_HISTORY, admin.token(), admin.secret()).data().get("total")).intValue());
        }
    }
}
