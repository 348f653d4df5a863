package com.aegisspeed.gateway;

import com.aegisspeed.common.envelope.Codes;
import com.aegisspeed.common.identity.Role;
import com.aegisspeed.gateway.routes.Route;
import com.aegisspeed.gateway.routes.RouteTable;
import io.micronaut.http.HttpMethod;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Maintenance windows under {@code /admin/maintenance_windows} (docs/api-gateway.md): a window closes an endpoint
 * or a whole service between its start and its end, an operator's switch during the window wins, cancelled
 * windows close nothing, every window stays listed with who scheduled and cancelled it, and
 * {@code /test/check_server_api_state} tells clients about the windows that have not ended.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MaintenanceWindowTest {

    private static final String USER_INFO = "/user/info/get_user_info";
    private static final String ADMIN_ID = "ASD000021";

    private GatewayUnderTest suite;
    private GatewayClient client;
    private String[] operator;

    @BeforeAll
    void start() {
        suite = GatewayUnderTest.start();
        client = suite.client;
        String token = suite.authority.tokenFor("admin-mw", ADMIN_ID, Role.ADMIN);
        operator = new String[] {"Authorization", "Bearer " + token, "X-Admin-Secret", suite.authority.issueAdminSecret(token)};
    }

    @AfterAll
    void stop() {
        suite.close();
    }

    @BeforeEach
    void noWindowsAndEverythingOpen() {
        for (Map<String, Object> window : windows()) {
            if (Set.of("scheduled", "active").contains(window.get("state"))) {
                assertEquals(200, cancel(((Number) window.get("window_id")).longValue()).status());
            }
        }
        for (String service : GatewayUnderTest.SERVICES) {
            assertEquals(200, client.postJson("/admin/endpoints/open_service", "{\"service_name\":\"" + service + "\"}", operator).status());
        }
    }

    @Test
    void anEndpointWindowClosesThatEndpointWithItsOwnNotOpenAnswerUntilCancelled() {
        long id = scheduleNow("endpoint_path", USER_INFO, "database upgrade");
        GatewayClient.Answer refused = call(USER_INFO);
        assertEquals(403, refused.status(), refused.body());
        assertEquals(Codes.ENDPOINT_NOT_OPEN, refused.code());
        assertEquals(200, call("/user/info/get_user_check_info").status(), "other endpoints stay open");

        Map<String, Object> listed = endpoint(USER_INFO);
        assertEquals(Boolean.FALSE, listed.get("is_open"), "the flag list shows what clients see");
        assertEquals(id, ((Number) listed.get("maintenance_window_id")).longValue());

        GatewayClient.Answer cancelled = cancel(id);
        assertEquals(200, cancelled.status(), cancelled.body());
        assertEquals("cancelled", cancelled.data().get("state"));
        assertEquals(ADMIN_ID, cancelled.data().get("cancelled_by"));
        assertEquals(200, call(USER_INFO).status(), "a cancelled window closes nothing, at once on this gateway");
        assertNull(endpoint(USER_INFO).get("maintenance_window_id"));
    }

    @Test
    void aServiceWindowClosesEveryClosableEndpointOfThatServiceAndNoOther() {
        GatewayClient.Answer scheduled = schedule("service_name", "machine-service", Instant.now(),
                Instant.now().plus(Duration.ofHours(1)), "new machine-code index");
        assertEquals(200, scheduled.status(), scheduled.body());
        List<String> machinePaths = suite.gateway.context().getBean(RouteTable.class).all().stream()
                .filter(Route::flaggable).filter(route -> route.service().equals("machine-service"))
                .map(Route::path).sorted().toList();
        assertEquals(machinePaths, scheduled.data().get("endpoint_paths"));
        assertEquals("machine-service", scheduled.data().get("service_name"));
        assertNull(scheduled.data().get("endpoint_path"));
        awaitClosed(machinePaths.get(0));
        for (String path : machinePaths) {
            assertEquals(403, call(path).status(), path);
        }
        assertEquals(200, call(USER_INFO).status(), "another service's endpoints stay open");
    }

    @Test
    void aWindowThatHasNotStartedClosesNothingYet() {
        Instant start = Instant.now().plus(Duration.ofMinutes(30));
        GatewayClient.Answer scheduled = schedule("endpoint_path", USER_INFO, start, start.plus(Duration.ofMinutes(30)), "later");
        assertEquals(200, scheduled.status(), scheduled.body());
        assertEquals("scheduled", scheduled.data().get("state"));
        Instant nextWholeSecond = start.getNano() == 0 ? start : start.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        assertEquals(nextWholeSecond.toString(), scheduled.data().get("starts_at"), "a start between two seconds is the next whole second");
        assertEquals(200, call(USER_INFO).status());
        assertEquals(Boolean.TRUE, endpoint(USER_INFO).get("is_open"));
    }

    @Test
    void anOperatorWhoOpensAnEndpointDuringItsWindowWinsForTheRestOfTheWindow() {
        long id = scheduleNow("endpoint_path", USER_INFO, "long migration");
        assertEquals(403, call(USER_INFO).status());

        GatewayClient.Answer opened = client.postJson("/admin/endpoints/open", "{\"endpoint_path\":\"" + USER_INFO + "\"}", operator);
        assertEquals(200, opened.status(), opened.body());
        assertEquals(Boolean.FALSE, opened.data().get("was_open"), "it was closed as clients saw it");
        assertEquals(Boolean.TRUE, opened.data().get("is_open"));
        assertEquals(200, call(USER_INFO).status(), "the switch wins over the window");
        assertNull(endpoint(USER_INFO).get("maintenance_window_id"));
        assertEquals("active", window(id).get("state"), "the window itself goes on");

        Map<String, Object> change = latestChange(USER_INFO);
        assertEquals(List.of(false, true, ADMIN_ID), List.of(change.get("was_open"), change.get("is_open"), change.get("changed_by")));
    }

    @Test
    void anOperatorWhoClosesAnEndpointDuringItsWindowKeepsItClosedAfterTheWindow() {
        long id = scheduleNow("endpoint_path", USER_INFO, "replacing the login hardware");
        GatewayClient.Answer closed = client.postJson("/admin/endpoints/close", "{\"endpoint_path\":\"" + USER_INFO + "\"}", operator);
        assertEquals(200, closed.status(), closed.body());
        assertEquals(Boolean.FALSE, closed.data().get("was_open"));
        assertEquals(Boolean.FALSE, closed.data().get("is_open"));

        assertEquals(200, cancel(id).status());
        assertEquals(403, call(USER_INFO).status(), "the hand-made closing outlives the window");
        assertEquals(Boolean.FALSE, endpoint(USER_INFO).get("is_open"));
    }

    @Test
    void aWindowIsCancelledOnceAndEveryWindowStaysListedWithWhoScheduledAndCancelledIt() {
        long id = scheduleNow("endpoint_path", USER_INFO, "audit me");
        assertEquals(200, cancel(id).status());
        GatewayClient.Answer again = cancel(id);
        assertEquals(409, again.status(), again.body());
        assertEquals("10008", again.code());
        GatewayClient.Answer unknown = cancel(id + 1000);
        assertEquals(404, unknown.status(), unknown.body());
        assertEquals("10006", unknown.code());

        Map<String, Object> listed = window(id);
        assertEquals("cancelled", listed.get("state"));
        assertEquals("audit me", listed.get("reason"));
        assertEquals(ADMIN_ID, listed.get("scheduled_by"));
        assertEquals(ADMIN_ID, listed.get("cancelled_by"));
        assertTrue(Instant.parse((String) listed.get("cancelled_at")).isAfter(Instant.now().minusSeconds(60)));
        assertEquals(List.of(USER_INFO), listed.get("endpoint_paths"));
    }

    @Test
    void checkServerApiStateListsTheWindowsThatHaveNotEndedWithoutWhoScheduledThem() {
        Instant start = Instant.now().plus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);
        GatewayClient.Answer kept = schedule("service_name", "anticheat-service", start, start.plus(Duration.ofHours(1)),
                "anticheat upgrade");
        long dropped = ((Number) schedule("endpoint_path", USER_INFO, start, start.plus(Duration.ofHours(1)), "dropped")
                .data().get("window_id")).longValue();
        assertEquals(200, cancel(dropped).status());

        GatewayClient.Answer state = client.get("/test/check_server_api_state");
        assertEquals(200, state.status(), state.body());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> announced = (List<Map<String, Object>>) state.data().get("maintenance_windows");
        assertEquals(1, announced.size(), state.body());
        Map<String, Object> window = announced.get(0);
        assertEquals(kept.data().get("window_id"), window.get("window_id"));
        assertEquals("anticheat-service", window.get("service_name"));
        assertEquals(kept.data().get("endpoint_paths"), window.get("endpoint_paths"));
        assertEquals(start.toString(), window.get("starts_at"));
        assertEquals(start.plus(Duration.ofHours(1)).toString(), window.get("ends_at"));
        assertEquals("anticheat upgrade", window.get("reason"));
        assertEquals("scheduled", window.get("state"));
        assertEquals(Set.of("window_id", "service_name", "endpoint_paths", "starts_at", "ends_at", "reason", "state"),
                window.keySet(), "nothing about the operators");
    }

    @Test
    void badSchedulesAreRefusedWithTheirCodeAndScheduleNothing() {
        int before = windows().size();
        Instant now = Instant.now();
        Instant hour = now.plus(Duration.ofHours(1));
        assertRefused(400, Codes.MALFORMED_REQUEST, "{\"starts_at\":\"" + now + "\",\"ends_at\":\"" + hour + "\",\"reason\":\"x\"}");
        assertRefused(400, Codes.MALFORMED_REQUEST, "{\"endpoint_path\":\"" + USER_INFO + "\",\"service_name\":\"auth-service\","
                + "\"starts_at\":\"" + now + "\",\"ends_at\":\"" + hour + "\",\"reason\":\"x\"}");
        assertRefused(400, "10007", body("endpoint_path", USER_INFO, hour, now, "ends before it starts"));
        assertRefused(400, "10007", body("endpoint_path", USER_INFO, now.minus(Duration.ofHours(2)), now.minus(Duration.ofHours(1)), "over"));
        assertRefused(400, "10007", body("endpoint_path", USER_INFO, now, now.plus(Duration.ofDays(8)), "too long"));
        assertRefused(400, "10007", body("endpoint_path", USER_INFO, now.plus(Duration.ofDays(100)),
                now.plus(Duration.ofDays(100)).plus(Duration.ofHours(1)), "too far ahead"));
        assertRefused(404, "10006", body("endpoint_path", "/user/nothing_here", now, hour, "x"));
        assertRefused(404, "10006", body("endpoint_path", "/admin/endpoints", now, hour, "the operator API cannot close"));
        assertRefused(404, "10006", body("service_name", "billing-service", now, hour, "x"));
        assertRefused(400, Codes.MALFORMED_REQUEST, body("endpoint_path", USER_INFO, now, hour, " "));
        assertRefused(400, Codes.MALFORMED_REQUEST, body("endpoint_path", USER_INFO, now, hour, "x".repeat(201)));
        assertRefused(400, Codes.MALFORMED_REQUEST, "{\"endpoint_path\":\"" + USER_INFO + "\",\"starts_at\":\"tomorrow\","
                + "\"ends_at\":\"" + hour + "\",\"reason\":\"x\"}");

        String userToken = suite.authority.tokenFor("user-mw", "ASD000022", Role.USER);
        GatewayClient.Answer player = client.postJson("/admin/maintenance_windows/schedule",
                body("endpoint_path", USER_INFO, now, hour, "x"), "Authorization", "Bearer " + userToken);
        assertEquals(403, player.status(), player.body());
        assertEquals("10005", player.code());
        GatewayClient.Answer noSecret = client.postJson("/admin/maintenance_windows/schedule",
                body("endpoint_path", USER_INFO, now, hour, "x"), operator[0], operator[1]);
        assertEquals(401, noSecret.status(), noSecret.body());
        assertEquals("10004", noSecret.code());

        assertEquals(before, windows().size(), "no refused request scheduled a window");
        assertEquals(200, call(USER_INFO).status());
    }

    private void assertRefused(int status, String code, String body) {
        GatewayClient.Answer answer = client.postJson("/admin/maintenance_windows/schedule", body, operator);
        assertEquals(status, answer.status(), body + " → " + answer.body());
        assertEquals(code, answer.code(), body + " → " + answer.body());
    }

    /** A window from now on, in force once the endpoint answers 403 (with the next whole second). */
    private long scheduleNow(String targetField, String target, String reason) {
        Instant asked = Instant.now();
        GatewayClient.Answer answer = schedule(targetField, target, asked.minusSeconds(60), asked.plus(Duration.ofHours(1)), reason);
        assertEquals(200, answer.status(), answer.body());
        Instant start = Instant.parse((String) answer.data().get("starts_at"));
        assertTrue(start.isAfter(asked) && start.isBefore(asked.plusSeconds(2)),
                "a window whose start has passed starts with the next second, not " + start);
        awaitClosed(target);
        return ((Number) answer.data().get("window_id")).longValue();
    }

    private void awaitClosed(String path) {
        Instant deadline = Instant.now().plusSeconds(2);
        while (call(path).status() != 403 && Instant.now().isBefore(deadline)) {
            Thread.onSpinWait();
        }
    }

    /** The endpoint called with its own method, as a player. */
    private GatewayClient.Answer call(String path) {
        boolean get = suite.gateway.context().getBean(RouteTable.class).find(path).orElseThrow().methods().contains(HttpMethod.GET);
        String token = suite.userToken();
        return get ? client.get(path, "Authorization", token) : client.postJson(path, "{}", "Authorization", token);
    }

    private GatewayClient.Answer schedule(String targetField, String target, Instant start, Instant end, String reason) {
        return client.postJson("/admin/maintenance_windows/schedule", body(targetField, target, start, end, reason), operator);
    }

    private static String body(String targetField, String target, Instant start, Instant end, String reason) {
        return "{\"" + targetField + "\":\"" + target + "\",\"starts_at\":\"" + start + "\",\"ends_at\":\"" + end
                + "\",\"reason\":\"" + reason + "\"}";
    }

    private GatewayClient.Answer cancel(long id) {
        return client.postJson("/admin/maintenance_windows/cancel", "{\"window_id\":" + id + "}", operator);
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> windows() {
        GatewayClient.Answer answer = client.get("/admin/maintenance_windows?limit=1000", operator);
        assertEquals(200, answer.status(), answer.body());
        return (List<Map<String, Object>>) answer.data().get("windows");
    }

    private Map<String, Object> window(long id) {
        return windows().stream().filter(w -> ((Number) w.get("window_id")).longValue() == id).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> endpoint(String path) {
        List<Map<String, Object>> endpoints = (List<Map<String, Object>>) client.get("/admin/endpoints", operator).data().get("endpoints");
        return endpoints.stream().filter(e -> path.equals(e.get("endpoint_path"))).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> latestChange(String path) {
        GatewayClient.Answer history = client.get("/admin/endpoints/history?limit=1&endpoint_path=" + path, operator);
        return ((List<Map<String, Object>>) history.data().get("changes")).get(0);
    }
}
