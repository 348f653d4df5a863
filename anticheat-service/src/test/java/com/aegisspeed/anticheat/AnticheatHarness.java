package com.aegisspeed.anticheat;

import com.aegisspeed.common.identity.Role;
import com.aegisspeed.common.internal.InternalUser;
import com.aegisspeed.testsupport.RunningService;
import com.aegisspeed.testsupport.TestAuthority;
import com.aegisspeed.testsupport.TestHttp;
import com.aegisspeed.testsupport.TestUserDirectory;

import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * The real anticheat-service on a fresh MariaDB schema, with stand-ins for its neighbours: a
 * {@link TestAuthority}, a {@link TestUserDirectory} and a {@link TestMachineDirectory}. auth and user calls go
 * through {@link FailingRouteProxy}s, which pass everything through until a test breaks one route.
 */
final class AnticheatHarness implements AutoCloseable {

    static final String REPORT = "/anticheat/report/report_check_result";
    static final String HISTORY = "/user/info/get_user_check_info";
    static final String STATUS = "/anticheat/check/check_user_cheat_status";
    static final String LIST_RECORDS = "/anticheat/admin/list_cheating_records";
    static final String MARK = "/anticheat/admin/mark_cheater";
    static final String UNMARK = "/anticheat/admin/unmark_cheater";
    static final String MARK_HISTORY = "/anticheat/admin/get_cheater_mark_history";


    final TestAuthority authority;
    final TestUserDirectory users;
    final TestMachineDirectory machines;
    final FailingRouteProxy authRoute;
    final FailingRouteProxy userRoute;
    final RunningService service;
    final TestHttp http;

    private AnticheatHarness(Map<String, Object> extra, Function<Map<String, Object>, RunningService> launch) {
        authority = TestAuthority.start();
        users = TestUserDirectory.start(authority.internalSecret());
        machines = TestMachineDirectory.start(authority.internalSecret());
        authRoute = FailingRouteProxy.to(authority.uri());
        userRoute = FailingRouteProxy.to(users.uri());
        Map<String, Object> properties = new HashMap<>(authority.properties());
        properties.put("micronaut.http.services.auth.url", authRoute.uri().toString());
        properties.put("micronaut.http.services.user.url", userRoute.uri().toString());
        properties.putAll(machines.properties());
        properties.putAll(extra);
        service = launch.apply(properties);
        http = service.http();
    }

    static AnticheatHarness start() {
        return start(Map.of());
    }

    static AnticheatHarness start(Map<String, Object> extra) {
        return new AnticheatHarness(extra, RunningService::onFreshSchema);
    }

    /** On the local default instead: embedded H2 (MySQL mode) in {@code dataDir}, as {@code bin/run} runs it. */
    static AnticheatHarness startOnEmbeddedH2(Path dataDir) {
        return new AnticheatHarness(Map.of("aegis.data-dir", dataDir.toString()), RunningService::start);
    }

    static String newMachineCode() {
        return (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "").substring(0, 32);
    }

    static String newLaunchCode() {
        return "LAUNCH" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
    }

    /** A valid report; a mutable map a test may alter. */
    static Map<String, Object> report(String launchCode, String machineCode, String result, String startTime) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("launch_code", launchCode);
        body.put("machine_code", machineCode);
        body.put("check_result", result);
        body.put("check_result_detail", "System environment check " + result.toLowerCase());
        body.put("start_time", startTime);
        body.put("finish_time", startTime.replace(":00+", ":30+").replace(":00Z", ":30Z"));
        return body;
    }

    /** A user with a machine bound to them (in the machine stand-in) and a token. */
    Player newPlayer() {
        InternalUser user = users.addUser(Role.USER);
        String machine = newMachineCode();
        machines.bind(machine, user.publicId());
        return new Player(user, machine, token(user));
    }

    /** An admin with a token and the dynamic admin secret issued for it. */
    Admin newAdmin(Role role) {
        InternalUser user = users.addUser(role);
        String token = token(user);
        return new Admin(user, token, authority.issueAdminSecret(token));
    }

    String token(InternalUser user) {
        return authority.tokenFor(user.publicId(), user.aegisSpeedId(), Role.fromLabel(user.role()).orElseThrow());
    }

    /**
     * A token from a login after a ban: a ban revokes every token issued up to and including its second, so
     * this one is issued two seconds on (the verifier does not refuse an {@code iat} slightly ahead).
     */
    String tokenIssuedAfterBan(InternalUser user) {
        return authority.sign(authority.claims(user.publicId(), user.aegisSpeedId(),
                Role.fromLabel(user.role()).orElseThrow()).issueTime(Date.from(Instant.now().plusSeconds(2))).build());
    }

    /** Reports a check with an ISO time and asserts nothing: tests assert on the reply. */
    TestHttp.Reply report(String token, Map<String, Object> body) {
        return post(REPORT, token, null, body);
    }

    TestHttp.Reply post(String path, String token, String adminSecret, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(http.uri(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json(body)));
        return http.send(withCredentials(request, token, adminSecret));
    }

    TestHttp.Reply get(String pathAndQuery, String token, String adminSecret) {
        return http.send(withCredentials(HttpRequest.newBuilder(http.uri(pathAndQuery)).GET(), token, adminSecret));
    }

    TestHttp.Reply get(String pathAndQuery, String token) {
        return get(pathAndQuery, token, null);
    }

    private static HttpRequest.Builder withCredentials(HttpRequest.Builder request, String token, String adminSecret) {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (adminSecret != null) {
            request.header("X-Admin-Secret", adminSecret);
        }
        return request;
    }

    static String json(Object value) {
        return TestHttp.json(value);
    }

    @Override
    public void close() {
        service.close();
        authRoute.close();
        userRoute.close();
        machines.close();
        users.close();
        authority.close();
    }

    record Player(InternalUser user, String machineCode, String token) {
    }

    record Admin(InternalUser user, String token, String secret) {
    }
}
