package com.aegisspeed.system;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Forged and unacceptable tokens (docs/contract.md, docs/internal-api.md) against every endpoint that needs one,
 * through the gateway and directly on the owning service, which must defend itself too: {@code alg: none},
 * HS256 keyed with the published public key, another key under the real {@code kid}, expired, not yet valid,
 * another issuer or audience, claims missing, signatures truncated or garbled, and revoked tokens. Each answers
 * 401 {@code 10001} in the endpoint's standard envelope; a valid token on the same
 * request is not refused, so the refusals are the token's doing.
 */
class JwtAttackTest {

    private static final Duration REVOCATION_ARRIVES = Duration.ofSeconds(5);

    private static HostileSuite suite;
    private static HostileFixture fixture;
    private static HostileFixture.Equipped player;
    private static HostileFixture.Operator operator;
    private static List<HostileRoutes.Route> tokenRoutes;

    @BeforeAll
    static void start() {
        suite = HostileSuite.start(Map.of());
        fixture = new HostileFixture(suite);
        player = fixture.equipped();
        operator = fixture.operator();
        tokenRoutes = HostileRoutes.fromGatewayConfig().stream().filter(HostileRoutes.Route::tokenRequired).toList();
    }

    @AfterAll
    static void stop() {
        if (suite != null) {
            suite.close();
        }
    }

    @Test
    void theRouteTableProtectsTheEndpointsTheDocsSayNeedATokenAndNoOther() {
        HostileRoutes.fromGatewayConfig().forEach(route -> assertEquals(
                route.isAdmin() || route.path().startsWith("/user/info/") || route.path().startsWith("/machine/register/")
                        || route.path().startsWith("/machine/info/")
                        || route.path().startsWith("/anticheat/") || route.path().equals("/user/login/logout")
                        || route.path().equals("/user/login_admin_info/verify/get_secret_admin_password"),
                route.tokenRequired(), route.path()));
    }

    @Test
    void everyForgedOrUnacceptableTokenIsRefusedOnEveryTokenEndpointThroughTheGatewayAndDirectly() {
        Map<String, byte[]> publicKeyForms = publicKeyForms();
        // what went wrong (endpoint, target, answer) -> the attacks it went wrong for, to keep the report short
        Map<String, List<String>> failures = new TreeMap<>();
        int requests = 0;
        for (HostileRoutes.Route route : tokenRoutes) {
            AttackTokens.Holder holder = route.isAdmin() ? operator.holder() : player.player().holder();
            String real = route.isAdmin() ? operator.token() : player.player().token();
            Map<String, String> attacks = new LinkedHashMap<>(suite.tokens.attacks(holder, publicKeyForms, real));
            for (Map.Entry<String, String> attack : attacks.entrySet()) {
                for (HostileHttp target : targets(route)) {
                    requests++;
                    HostileHttp.Reply reply = target.send(request(route, "Bearer " + attack.getValue()));
                    refusal(route, reply).ifPresent(problem -> failures.computeIfAbsent(route.path() + " via "
                            + name(target) + ": " + problem, k -> new ArrayList<>()).add(attack.getKey()));
                }
            }
            for (HostileHttp target : targets(route)) {
                for (String header : new String[] {null, "Basic dXNlcjpwYXNz", "Bearer", "Bearer  ", "Token " + real,
                        "Bearer " + real + " " + real, "Bearer " + "A".repeat(6_000)}) {
                    requests++;
                    refusal(route, target.send(request(route, header))).ifPresent(problem -> failures.computeIfAbsent(
                            route.path() + " via " + name(target) + ": " + problem, k -> new ArrayList<>())
                            .add("Authorization " + abbreviated(header)));
                }
                // Control: the same request with a valid token of the same holder is not refused for its token.
                HostileHttp.Reply valid = target.send(request(route, "Bearer " + suite.tokens.valid(holder)));
                if (valid.status() == 401 && HostileRoutes.TOKEN_INVALID.equals(valid.code())) {
                    failures.put(route.path() + " via " + name(target) + ": a valid token was refused: " + valid.body(), List.of());
                }
            }
        }
        System.out.printf("JwtAttackTest: %d forged-token requests on %d endpoints, %d failures%n",
                requests, tokenRoutes.size(), failures.size());
        assertEquals(Map.of(), failures);
    }

    @Test
    void aLoggedOutTokenIsRefusedEverywhereOnceTheRevocationHasArrived() {
        HostileFixture.Player user = fixture.register();
        String token = fixture.clients.login(user.person().idNumber(), user.person().password()).envelope().get("token").toString();
        HostileHttp gateway = new HostileHttp(suite.gateway().uri("/"));
        assertEquals(200, gateway.send(HostileHttp.Request.of("GET", "/user/info/get_user_info")
                .header("Authorization", "Bearer " + token)).status());
        assertEquals(200, gateway.send(HostileHttp.Request.of("POST", "/user/login/logout")
                .header("Authorization", "Bearer " + token)).status());
        assertRevokedEverywhere(user, token);
    }

    @Test
    void tokensIssuedBeforeAPasswordChangeAreRefusedEverywhereOnceTheRevocationHasArrived() {
        HostileFixture.Player user = fixture.register();
        HostileHttp gateway = new HostileHttp(suite.gateway().uri("/"));
        HostileHttp.Reply changed = gateway.send(HostileHttp.Request.of("POST", "/user/info/modify_user_password")
                .header("Authorization", "Bearer " + user.token()).header("Content-Type", "application/json")
                .body(("{\"user_password\":\"" + user.person().password() + "\",\"new_user_password\":\"Another-Long-Secret-9\"}")
                        .getBytes(StandardCharsets.UTF_8), false));
        assertEquals(200, changed.status(), changed.body());
        assertRevokedEverywhere(user, user.token());
    }

    /** Polls every token endpoint, through the gateway and directly, until the revoked token is refused there. */
    private static void assertRevokedEverywhere(HostileFixture.Player user, String token) {
        List<String> failures = new ArrayList<>();
        for (HostileRoutes.Route route : tokenRoutes) {
            if (route.isAdmin()) {
                continue; // an ordinary user's token; the admin routes refuse it for its role whether revoked or not
            }
            for (HostileHttp target : targets(route)) {
                long deadline = System.nanoTime() + REVOCATION_ARRIVES.toNanos();
                Optional<String> problem = refusal(route, target.send(request(route, "Bearer " + token, user)));
                while (problem.isPresent() && System.nanoTime() < deadline) {
                    pause();
                    problem = refusal(route, target.send(request(route, "Bearer " + token, user)));
                }
                problem.ifPresent(p -> failures.add(route.path() + " via " + name(target) + ": " + p));
            }
        }
        assertEquals(List.of(), failures);
    }

    /** Empty when the answer is the endpoint's token refusal: 401, its token-invalid code, the standard error envelope. */
    private static Optional<String> refusal(HostileRoutes.Route route, HostileHttp.Reply reply) {
        Optional<String> envelope = HostileRoutes.problemWith(route, reply, "");
        if (envelope.isPresent()) {
            return Optional.of(envelope.get() + ": HTTP " + reply.status() + " " + abbreviated(reply.body()));
        }
        String expected = HostileRoutes.TOKEN_INVALID;
        if (reply.status() != 401 || !expected.equals(reply.code()) || !Map.of().equals(reply.envelope().get("data"))) {
            return Optional.of("expected 401 " + expected + ", got HTTP " + reply.status() + " " + abbreviated(reply.body()));
        }
        return Optional.empty();
    }

    private static HostileHttp.Request request(HostileRoutes.Route route, String authorization) {
        return request(route, authorization, player.player());
    }

    /** The request a client of {@code route} sends, valid in everything but perhaps its token. */
    private static HostileHttp.Request request(HostileRoutes.Route route, String authorization, HostileFixture.Player as) {
        HostileHttp.Request request = HostileHttp.Request.of(route.method(), route.path() + query(route))
                .header("X-Forwarded-For", HostileFixture.newAddress())
                .header(HostileSuite.CLIENT_ADDRESS_HEADER, HostileFixture.newAddress());
        if (authorization != null) {
            request = request.header("Authorization", authorization);
        }
        if (route.isAdmin()) {
            request = request.header("X-Admin-Secret", operator.secret());
        }
        String body = body(route, as);
        return body == null ? request
                : request.header("Content-Type", "application/json").body(body.getBytes(StandardCharsets.UTF_8), false);
    }

    private static String query(HostileRoutes.Route route) {
        return switch (route.path()) {
            case "/user/info/get_user_check_info" -> "?page=1&size=5";
            case "/admin/endpoints/history" -> "?limit=5";
            default -> "";
        };
    }

    private static String body(HostileRoutes.Route route, HostileFixture.Player as) {
        if (route.isGet()) {
            return null;
        }
        String idNumber = as.person().idNumber();
        return switch (route.path()) {
            case "/user/login_admin_info/verify/get_secret_admin_password" ->
                    "{\"user_password\":\"" + Suite.ADMIN_PASSWORD + "\"}";
            case "/user/info/modify_user_phone_number" -> "{\"user_phone_number\":\"" + Clients.Person.fresh().phone() + "\"}";
            case "/user/info/modify_user_password" ->
                    "{\"user_password\":\"not-the-password-1\",\"new_user_password\":\"Another-Long-Secret-8\"}";
            case "/machine/register/register_machine_info" -> machine("user_id", idNumber);
            case "/machine/register/register_machine_info_by_aegisspeed_id" ->
                    machine("user_AegisSpeed_id", as.holder().aegisSpeedId());
            case "/anticheat/report/report_check_result" -> "{\"launch_code\":\"JWT-" + UUID.randomUUID()
                    + "\",\"machine_code\":\"" + player.machineCode() + "\",\"check_result\":\"Passed\","
                    + "\"check_result_detail\":\"ok\",\"start_time\":\"2026-11-23T10:00:00+08:00\","
                    + "\"finish_time\":\"2026-11-23T10:00:05+08:00\"}";
            case "/anticheat/admin/mark_cheater" ->
                    "{\"user_AegisSpeed_id\":\"ASD999999\",\"reason\":\"test\",\"evidence_launch_codes\":[\"X\"]}";
            case "/anticheat/admin/unmark_cheater" -> "{\"user_AegisSpeed_id\":\"ASD999999\",\"reason\":\"test\"}";
            case "/admin/endpoints/open", "/admin/endpoints/close" -> "{\"endpoint_path\":\"/no/such/endpoint\"}";
            case "/admin/endpoints/open_service", "/admin/endpoints/close_service" -> "{\"service_name\":\"no-such-service\"}";
            default -> "{}";
        };
    }

    private static String machine(String key, String value) {
        return "{\"" + key + "\":\"" + value + "\",\"machine_code\":\"" + Clients.machineCode() + "\","
                + "\"windows_uuid\":\"12345678-1234-1234-1234-123456789012\",\"windows_product_id\":\"12345-12345\","
                + "\"machine_os_name\":\"Windows 11\",\"machine_os_version\":\"10.0.22631\",\"machine_architecture\":\"x64\","
                + "\"machine_architecture_type\":\"AMD64\",\"machine_platform\":\"Win32\",\"machine_cpu\":\"i7\","
                + "\"machine_motherboard\":\"Z690\",\"machine_mac_address\":\"00:11:22:33:44:55\"}";
    }

    /** The gateway, and the owning service directly unless the gateway owns the route. */
    private static List<HostileHttp> targets(HostileRoutes.Route route) {
        List<HostileHttp> targets = new ArrayList<>(List.of(new HostileHttp(suite.gateway().uri("/"))));
        if (!"gateway".equals(route.service())) {
            targets.add(new HostileHttp(suite.service(route.service()).uri()));
        }
        return targets;
    }

    private static String name(HostileHttp target) {
        return target.base().getPort() == suite.service("gateway").port() ? "gateway" : "service " + target.base();
    }

    /** The published key in the forms an attacker would use as an HMAC secret. */
    private static Map<String, byte[]> publicKeyForms() {
        HostileHttp auth = new HostileHttp(suite.service("auth-service").uri());
        String jwks = auth.send(HostileHttp.Request.of("GET", "/.well-known/jwks.json")).body();
        try {
            ECKey key = JWKSet.parse(jwks).getKeyByKeyId(suite.tokens.keyId()).toECKey();
            byte[] der = key.toECPublicKey().getEncoded();
            String pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(der) + "\n-----END PUBLIC KEY-----\n";
            Map<String, byte[]> forms = new LinkedHashMap<>();
            forms.put("X.509 DER", der);
            forms.put("PEM", pem.getBytes(StandardCharsets.US_ASCII));
            forms.put("JWK JSON", key.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8));
            forms.put("JWKS document", jwks.getBytes(StandardCharsets.UTF_8));
            return forms;
        } catch (ParseException | JOSEException e) {
            throw new IllegalStateException("auth-service's JWKS: " + jwks, e);
        }
    }

    private static String abbreviated(String text) {
        return text == null ? "(none)" : text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
