package com.aegisspeed.gateway;

import com.aegisspeed.common.envelope.Codes;
import com.aegisspeed.common.identity.Role;
import com.aegisspeed.gateway.routes.RouteTable;
import com.aegisspeed.gateway.stats.TrafficStatistics;
import com.aegisspeed.testsupport.AdjustableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code GET /admin/endpoints/statistics}: per routed endpoint, the requests, 4xx and 5xx answers and the 5xx
 * share over the last 1 to 15 minutes, from the gateway's own per-route measurements, behind the operator API's
 * checks. Time is moved with the service clock; samples are taken by calling the sampler the scheduler calls.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrafficStatisticsTest {

    private static final String USER_INFO = "/user/info/get_user_info";
    private static final String MACHINE_CHECK = "/verify/verify_is_machine_code_available";

    private GatewayUnderTest suite;
    private GatewayClient client;
    private AdjustableClock clock;
    private TrafficStatistics statistics;
    private String[] operator;

    @BeforeAll
    void start() {
        suite = GatewayUnderTest.start(Map.of("aegis.test.adjustable-clock", "true"));
        client = suite.client;
        clock = suite.gateway.context().getBean(AdjustableClock.class);
        statistics = suite.gateway.context().getBean(TrafficStatistics.class);
        String token = suite.authority.tokenFor("admin-stats", "ASD000021", Role.ADMIN);
        operator = new String[] {"Authorization", "Bearer " + token, "X-Admin-Secret", suite.authority.issueAdminSecret(token)};
    }

    @AfterAll
    void stop() {
        suite.close();
    }

    @Test
    void countsRequestsClientErrorsAndServerErrorsPerEndpointOverTheWindowAsked() {
        String token = suite.userToken();
        for (int i = 0; i < 3; i++) {
            assertEquals(200, client.get(USER_INFO, "Authorization", token).status());
        }
        assertEquals(401, client.get(USER_INFO).status());
        suite.service("machine-service").mode(FakeService.Mode.FAIL);
        try {
            assertEquals(503, client.postJson(MACHINE_CHECK, "{}").status());
        } finally {
            suite.service("machine-service").mode(FakeService.Mode.ECHO);
        }
        assertEquals(200, client.postJson(MACHINE_CHECK, "{}").status());

        Map<String, Map<String, Object>> now = endpoints(5);
        assertEquals(Map.of("endpoint_path", USER_INFO, "service_name", "user-service", "requests", 4,
                "client_errors", 1, "server_errors", 0, "error_rate", 0.0), now.get(USER_INFO));
        assertEquals(Map.of("endpoint_path", MACHINE_CHECK, "service_name", "machine-service", "requests", 2,
                "client_errors", 0, "server_errors", 1, "error_rate", 0.5), now.get(MACHINE_CHECK));
        assertEquals(suite.gateway.context().getBean(RouteTable.class).all().size(), now.size(),
                "every routed endpoint, the operator API's too");
        assertEquals(0, ((Number) now.get("/anticheat/admin/mark_cheater").get("requests")).intValue());

        // Six minutes on: those requests have left the 5-minute window but are still in the 15-minute one.
        statistics.sample();
        clock.advance(Duration.ofMinutes(6));
        statistics.sample();
        assertEquals(200, client.get(USER_INFO, "Authorization", token).status());
        assertEquals(1, endpoints(5).get(USER_INFO).get("requests"));
        assertEquals(0, endpoints(5).get(MACHINE_CHECK).get("requests"));
        assertEquals(5, endpoints(15).get(USER_INFO).get("requests"));
        assertEquals(2, endpoints(15).get(MACHINE_CHECK).get("requests"));

        // Sixteen minutes on, the first requests are out of every window.
        clock.advance(Duration.ofMinutes(10));
        statistics.sample();
        assertEquals(1, endpoints(15).get(USER_INFO).get("requests"));
        assertEquals(0, endpoints(15).get(MACHINE_CHECK).get("requests"));
    }

    @Test
    void theAnswerSaysWhichWindowItCovers() {
        GatewayClient.Answer answer = client.get("/admin/endpoints/statistics?minutes=15", operator);
        assertEquals(200, answer.status(), answer.body());
        assertEquals(Codes.SUCCESS, answer.code());
        assertEquals("Statistics listed", answer.envelope().get("result"));
        Map<String, Object> data = answer.data();
        assertEquals(Set.of("minutes", "since", "until", "endpoints", "per_minute"), data.keySet());
        assertEquals(15, data.get("minutes"));
        Instant since = Instant.parse((String) data.get("since"));
        Instant until = Instant.parse((String) data.get("until"));
        assertEquals(clock.instant(), until);
        assertEquals(true, !since.isAfter(until) && !since.isBefore(until.minus(Duration.ofMinutes(16))), data.toString());
        assertEquals(5, client.get("/admin/endpoints/statistics", operator).data().get("minutes"), "5 by default");
    }

    @Test
    void onlyOperatorsWithTheirAdminSecretMayRead() {
        assertEquals("10001", client.get("/admin/endpoints/statistics").code());
        GatewayClient.Answer noSecret = client.get("/admin/endpoints/statistics", operator[0], operator[1]);
        assertEquals(401, noSecret.status());
        assertEquals("10004", noSecret.code());
        String orgAdmin = suite.authority.tokenFor("org-admin-stats", "ASD000022", Role.ORG_ADMIN);
        GatewayClient.Answer refused = client.get("/admin/endpoints/statistics", "Authorization", "Bearer " + orgAdmin,
                "X-Admin-Secret", suite.authority.issueAdminSecret(orgAdmin));
        assertEquals(403, refused.status(), refused.body());
        assertEquals("10005", refused.code());
    }

    @Test
    void aWindowOutsideOneToFifteenMinutesIsRefused() {
        for (String minutes : List.of("0", "16", "-1", "five")) {
            GatewayClient.Answer answer = client.get("/admin/endpoints/statistics?minutes=" + minutes, operator);
            assertEquals(400, answer.status(), minutes + ": " + answer.body());
            assertEquals(Codes.MALFORMED_REQUEST, answer.code());
        }
    }

    @SuppressWarnings("unchecked")
    @Test
    void perMinuteSeriesPutEachServicesRequestsInTheMinuteTheyCameIn() {
        // Earlier tests' traffic is moved out of the minutes looked at.
        statistics.sample();
        clock.advance(Duration.ofMinutes(5));
        statistics.sample();
        for (int i = 0; i < 4; i++) {
            client.postJson(MACHINE_CHECK, "{}");
        }
        statistics.sample();
        clock.advance(Duration.ofSeconds(90));
        statistics.sample();
        client.postJson(MACHINE_CHECK, "{}");

        List<Map<String, Object>> minutes = perMinute("machine-service");
        assertEquals(TrafficStatistics.HISTORY_MINUTES, minutes.size(), "one entry per minute of the last hour");
        assertEquals(1, ((Number) minutes.get(59).get("requests")).intValue(), "the last minute");
        assertEquals(4, ((Number) minutes.get(58).get("requests")).intValue(), "the minute before");
        assertEquals(0, ((Number) minutes.get(57).get("requests")).intValue(), "before that, none");
        assertEquals(0, ((Number) minutes.get(58).get("server_errors")).intValue());
        Instant last = Instant.parse((String) minutes.get(59).get("start"));
        assertEquals(Duration.ofMinutes(1), Duration.between(Instant.parse((String) minutes.get(58).get("start")), last));
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> perMinute(String service) {
        GatewayClient.Answer answer = client.get("/admin/endpoints/statistics", operator);
        assertEquals(200, answer.status(), answer.body());
        return ((List<Map<String, Object>>) answer.data().get("per_minute")).stream()
                .filter(entry -> service.equals(entry.get("service_name")))
                .map(entry -> (List<Map<String, Object>>) entry.get("minutes"))
                .findFirst().orElseThrow(() -> new AssertionError("no series for " + service + ": " + answer.body()));
    }

    private Map<String, Map<String, Object>> endpoints(int minutes) {
        GatewayClient.Answer answer = client.get("/admin/endpoints/statistics?minutes=" + minutes, operator);
        assertEquals(200, answer.status(), answer.body());
        Map<String, Map<String, Object>> byPath = new HashMap<>();
        ((List<Map<String, Object>>) answer.data().get("endpoints"))
                .forEach(entry -> byPath.put((String) entry.get("endpoint_path"), entry));
        return byPath;
    }
}
