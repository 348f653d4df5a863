package com.aegisspeed.gateway;

import com.aegisspeed.common.envelope.Codes;
import com.aegisspeed.gateway.routes.Route;
import com.aegisspeed.gateway.routes.RouteTable;
import io.micronaut.http.HttpMethod;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every documented public path reaches exactly its owning service (docs/contract.md), with its method, query
 * and body intact; anything else, internal paths above all, never leaves the gateway.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoutingTest {

    /** The owner of every documented path (docs/contract.md, docs/internal-api.md). */
    private static final Map<String, String> OWNERS = Map.ofEntries(
            Map.entry("/user/register/register_user_info", "auth-service"),
            Map.entry("/user/login/login_user_info", "auth-service"),
            Map.entry("/user/login/login_admin_info_by_aegisspeed_id", "auth-service"),
            Map.entry("/user/login_admin_info/verify/get_secret_admin_password", "auth-service"),
            Map.entry("/user/login/logout", "auth-service"),
            Map.entry("/verify/verify_is_user_id_available", "user-service"),
            Map.entry("/verify/verify_user_id_and_name", "user-service"),
            Map.entry("/user/info/get_user_info", "user-service"),
            Map.entry("/user/info/get_admin_info", "user-service"),
            Map.entry("/user/info/modify_user_phone_number", "user-service"),
            Map.entry("/user/info/modify_user_password", "auth-service"),
            Map.entry("/verify/verify_is_machine_code_available", "machine-service"),
            Map.entry("/machine/register/register_machine_info", "machine-service"),
            Map.entry("/machine/register/register_machine_info_by_aegisspeed_id", "machine-service"),
            Map.entry("/user/info/get_user_check_info", "anticheat-service"),
            Map.entry("/anticheat/report/report_check_result", "anticheat-service"),
            Map.entry("/anticheat/check/check_user_cheat_status", "anticheat-service"),
            Map.entry("/anticheat/admin/list_cheating_records", "anticheat-service"),
            Map.entry("/anticheat/admin/mark_cheater", "anticheat-service"),
            Map.entry("/anticheat/admin/unmark_cheater", "anticheat-service"),
            Map.entry("/anticheat/admin/get_cheater_mark_history", "anticheat-service"),
            Map.entry("/test/check_server_state", "gateway"),
            Map.entry("/test/check_server_state_dev", "gateway"),
            Map.entry("/test/check_server_api_state", "gateway"),
            Map.entry("/verify/verify_client_version_number", "gateway"));

    private GatewayUnderTest suite;
    private GatewayClient client;

    @BeforeAll
    void start() {
        suite = GatewayUnderTest.start();
        client = suite.client;
    }

    @AfterAll
    void stop() {
        suite.close();
    }

    @Test
    void routeTableHasEveryDocumentedPathWithItsOwner() {
        RouteTable table = suite.gateway.context().getBean(RouteTable.class);
        OWNERS.forEach((path, owner) -> assertEquals(owner,
                table.find(path).map(Route::service).orElse("missing"), path));
    }

    @Test
    void everyServicePathReachesItsOwnerWithMethodQueryAndBody() {
        RouteTable table = suite.gateway.context().getBean(RouteTable.class);
        String token = suite.userToken();
        for (Route route : table.all()) {
            if (route.ownedByGateway()) {
                continue;
            }
            HttpMethod method = route.methods().iterator().next();
            String body = "{\"probe\":\"" + route.name() + "\"}";
            HttpRequest.Builder request = client.request(route.path() + "?page=2&size=5",
                    "Authorization", token, "Content-Type", "application/json")
                    .method(method.name(), method == HttpMethod.GET
                            ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            GatewayClient.Answer answer = client.send(request);
            assertEquals(200, answer.status(), route.path() + ": " + answer.body());
            Map<String, Object> seen = answer.data();
            assertEquals(route.service(), seen.get("service"), route.path());
            assertEquals(route.service(), answer.header(FakeService.ANSWERED_HEADER), route.path());
            assertEquals(method.name(), seen.get("method"), route.path());
            assertEquals(route.path(), seen.get("path"));
            assertEquals("page=2&size=5", seen.get("query"), route.path());
            assertEquals(method == HttpMethod.GET ? "" : body, seen.get("body"), route.path());
            assertEquals(token, answer.forwardedHeaders().get("authorization"), route.path());
        }
    }

    @Test
    void contentTypesAreTheServicesToJudge() {
        for (String contentType : List.of("text/plain", "application/x-www-form-urlencoded", "application/json; charset=utf-8")) {
            GatewayClient.Answer answer = client.send(client.request("/user/login/login_user_info",
                    "Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString("user_id=1")));
            assertEquals(200, answer.status(), contentType + ": " + answer.body());
            assertEquals(contentType, answer.forwardedHeaders().get("content-type"));
            assertEquals("user_id=1", answer.data().get("body"));
        }
    }

    @Test
    void unknownPathsAnswer404With00004AndReachNoService() {
        int before = totalHits();
        for (String path : List.of("/no/such/endpoint", "/user/info/get_user_info/", "/user/info",
                "/user/info/GET_USER_INFO", "/user/info/../info/get_user_info")) {
            GatewayClient.Answer answer = client.get(path, "Authorization", suite.userToken());
            assertEquals(404, answer.status(), path + ": " + answer.body());
            assertEquals(Codes.NO_SUCH_ENDPOINT, answer.code(), path);
        }
        assertEquals(before, totalHits());
    }

    @Test
    void internalAndWellKnownPathsAreNeverRouted() {
        int before = totalHits();
        for (String path : List.of("/internal/revocations", "/internal/users/credentials",
                "/internal/admin-secrets/verify", "/.well-known/jwks.json")) {
            GatewayClient.Answer get = client.get(path, "X-Aegis-Internal", suite.authority.internalSecret());
            assertEquals(404, get.status(), path);
            assertEquals(Codes.NO_SUCH_ENDPOINT, get.code(), path);
            GatewayClient.Answer post = client.postJson(path, "{}");
            assertEquals(404, post.status(), path);
        }
        assertEquals(before, totalHits());
    }

    @Test
    void absoluteFormRequestTargetsCannotChooseTheHost() throws Exception {
        // A client naming another host (here a loopback port nobody listens on) still reaches the route's service.
        try (Socket socket = new Socket("127.0.0.1", client.request("/").build().uri().getPort())) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(("GET http://127.0.0.2:1/user/info/get_user_info?x=1 HTTP/1.1\r\n"
                    + "Host: 127.0.0.2:1\r\nAuthorization: " + suite.userToken() + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(answer.startsWith("HTTP/1.1 200"), answer);
            assertTrue(answer.contains("\"service\":\"user-service\""), answer);
            assertTrue(answer.contains("\"query\":\"x=1\""), answer);
        }
    }

    @Test
    void wrongMethodOnADocumentedPathAnswers405With00004InTheRoutesEnvelope() {
        GatewayClient.Answer get = client.get("/user/login/login_user_info");
        assertEquals(405, get.status(), get.body());
        assertEquals(Codes.NO_SUCH_ENDPOINT, get.code());
        assertEquals("", get.envelope().get("token"));
        GatewayClient.Answer availability = client.get("/verify/verify_is_machine_code_available");
        assertEquals(405, availability.status());
        assertEquals(Set.of("status", "code", "info", "result"), availability.envelope().keySet());
        GatewayClient.Answer post = client.postJson("/test/check_server_state", "{}");
        assertEquals(405, post.status());
        assertNotNull(post.header("X-Request-Id"));
    }

    private int totalHits() {
        return suite.services.values().stream().mapToInt(FakeService::hits).sum();
    }
}
