package com.aegisspeed.system;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Thousands of generated hostile requests ({@link HostileBodies}) to every public endpoint of the route table,
 * through the gateway and, for a third of them, straight to the owning service (which must defend itself too),
 * each with a valid token and admin secret where the endpoint needs them. Every answer must be an envelope
 * (status field = HTTP status, 5-digit code, result text) with a code the endpoint documents or a project code,
 * never a 5xx; and nothing may be written by a refusal: the requests go in small batches, and after each batch
 * every table of every service is compared (row count and checksum) with the batch before; a table may only
 * have changed if an answer in the batch allows it ({@link HostileRoutes#mayWrite}). {@code -Dhostile.seed=<n>}
 * sends a run's hostile bodies again (the seed is printed); {@code -Dhostile.bodies=<n>} sets how many per route.
 */
class HostileBodiesTest {

    private static final long SEED = Long.getLong("hostile.seed", System.currentTimeMillis());
    private static final int BODIES_PER_ROUTE = Integer.getInteger("hostile.bodies", 110);
    /** Accounts whose every request counts against a per-user limit of 30/min (docs/api-gateway.md) share the load. */
    private static final int PER_USER_LIMITED_ACCOUNTS = 3;
    private static final int PER_USER_LIMITED_BODIES = 20 * PER_USER_LIMITED_ACCOUNTS;
    private static final int BATCH = 40;
    private static final int THREADS = 4;
    private static final String WRONG_PASSWORD = "Wrong-Password-1";
    private static final Set<String> FLAG_CHANGES = Set.of("/admin/endpoints/open", "/admin/endpoints/close",
            "/admin/endpoints/open_service", "/admin/endpoints/close_service");

    private static HostileSuite suite;
    private static HostileFixture fixture;
    private static HostileFixture.Equipped player;
    private static HostileFixture.Equipped victim;
    private static HostileFixture.Player locked;
    private static HostileFixture.Operator operator;
    private static final List<HostileFixture.Player> SECRET_ADMINS = new ArrayList<>();
    private static final List<HostileFixture.Player> PASSWORD_USERS = new ArrayList<>();
    private static final Map<String, HostileHttp> CLIENTS = new LinkedHashMap<>();

    @BeforeAll
    static void start() {
        suite = HostileSuite.start(Map.of());
        Suite.MODULES.forEach(module -> CLIENTS.put(module, new HostileHttp(suite.service(module).uri())));
        fixture = new HostileFixture(suite);
        player = fixture.equipped();
        victim = fixture.equipped();
        locked = fixture.register();
        operator = fixture.operator();
        for (int i = 0; i < PER_USER_LIMITED_ACCOUNTS; i++) {
            SECRET_ADMINS.add(fixture.createWithRole("管理员"));
            PASSWORD_USERS.add(fixture.register());
        }
        // The developer state is closed until an operator opens it; open, its query is fuzzed too.
        HostileHttp.Reply opened = gateway().send(adminRequest("POST", "/admin/endpoints/open")
                .header("Content-Type", "application/json")
                .body("{\"endpoint_path\":\"/test/check_server_state_dev\"}".getBytes(StandardCharsets.UTF_8), false));
        assertEquals(200, opened.status(), opened.body());
    }

    @AfterAll
    static void stop() {
        if (suite != null) {
            suite.close();
        }
    }

    /** One request of the run: where it goes, what it carries, and how to describe it in a failure. */
    private record Shot(HostileRoutes.Route route, boolean direct, HostileHttp.Request request, String description,
                        String sentText) {
    }

    /** One answer to a shot (or the failure to get one). */
    private record Outcome(Shot shot, HostileHttp.Reply reply, String error) {
    }

    @Test
    void hostileBodiesGetEnvelopeAnswersAndChangeNothingWhenRefused() {
        List<HostileRoutes.Route> routes = HostileRoutes.fromGatewayConfig();
        routes.forEach(route -> assertTrue(HostileRoutes.hasDocumentedCodes(route.path()),
                "no documented codes listed for " + route.path() + " in HostileRoutes"));
        System.out.println("HostileBodiesTest: seed " + SEED + " (rerun with -Dhostile.seed=" + SEED + ")");

        List<Shot> regular = new ArrayList<>();
        List<Shot> flagChanges = new ArrayList<>();
        for (HostileRoutes.Route route : routes) {
            (FLAG_CHANGES.contains(route.path()) ? flagChanges : regular).addAll(shots(route));
        }
        Random order = new Random(SEED);
        Collections.shuffle(regular, order);
        Collections.shuffle(flagChanges, order);

        long started = System.nanoTime();
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        List<Outcome> outcomes = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            // The flag changes go last: one accepted by chance closes endpoints the others would fuzz.
            for (List<Shot> phase : List.of(regular, flagChanges)) {
                HostileSuite.DatabaseState before = suite.snapshot();
                for (int from = 0; from < phase.size(); from += BATCH) {
                    List<Outcome> batch = fire(pool, phase.subList(from, Math.min(phase.size(), from + BATCH)));
                    outcomes.addAll(batch);
                    batch.forEach(outcome -> problemWith(outcome).ifPresent(failures::add));
                    HostileSuite.DatabaseState after = suite.snapshot();
                    checkWrites(batch, before, after).ifPresent(failures::add);
                    before = after;
                }
            }
        } finally {
            pool.shutdownNow();
        }
        report(outcomes, Duration.ofNanos(System.nanoTime() - started));

        List<String> reported = failures.size() > 40 ? failures.subList(0, 40) : failures;
        assertEquals(List.of(), reported, failures.size() + " failures, the first 40 shown");
        assertMostReachedTheService(outcomes);
        assertNobodyGainedARole();
        for (String module : Suite.MODULES) {
            assertEquals(200, suite.service(module).managementHttp().get("/health/readiness").status(), module + " still ready");
        }
    }

    /**
     * A stolen token must not let anyone guess the account's password through the password change: after 5 wrong
     * current passwords even the right one answers 429 with {@code Retry-After}, and so does the login, which
     * shares the account's count (docs/contract.md, docs/api-auth-user.md).
     */
    @Test
    void guessingTheCurrentPasswordIsLockedOutLikeALogin() {
        HostileFixture.Player user = fixture.register();
        for (int i = 0; i < 5; i++) {
            HostileHttp.Reply wrong = changePassword(user, "Guess-Number-" + i);
            assertEquals(401, wrong.status(), wrong.body());
            assertEquals("10003", wrong.code(), wrong.body());
        }
        HostileHttp.Reply locked = changePassword(user, user.person().password());
        assertEquals(429, locked.status(), locked.body());
        assertEquals("00001", locked.code(), locked.body());
        long retryAfter = Long.parseLong(locked.retryAfter().orElseThrow());
        assertTrue(retryAfter > 0 && retryAfter <= 60, "Retry-After " + retryAfter);
        HostileHttp.Reply login = gateway().send(HostileHttp.Request.of("POST", "/user/login/login_user_info")
                .header(HostileSuite.CLIENT_ADDRESS_HEADER, HostileFixture.newAddress())
                .header("Content-Type", "application/json").body(("{\"user_id\":\"" + user.person().idNumber()
                        + "\",\"user_password\":\"" + user.person().password() + "\"}").getBytes(StandardCharsets.UTF_8), false));
        assertEquals(429, login.status(), login.body());
    }

    private static HostileHttp.Reply changePassword(HostileFixture.Player user, String current) {
        return gateway().send(HostileHttp.Request.of("POST", "/user/info/modify_user_password")
                .header(HostileSuite.CLIENT_ADDRESS_HEADER, HostileFixture.newAddress())
                .header("Authorization", "Bearer " + user.token()).header("Content-Type", "application/json")
                .body(("{\"user_password\":\"" + current + "\",\"new_user_password\":\"Brand-New-Secret-7\"}")
                        .getBytes(StandardCharsets.UTF_8), false));
    }

    // ---- the requests ------------------------------------------------------------------------------

    private static List<Shot> shots(HostileRoutes.Route route) {
        HostileBodies bodies = new HostileBodies(SEED, route.method() + route.path());
        boolean perUserLimited = route.path().equals("/user/login_admin_info/verify/get_secret_admin_password")
                || route.path().equals("/user/info/modify_user_password");
        int count = perUserLimited ? PER_USER_LIMITED_BODIES : BODIES_PER_ROUTE;
        List<Shot> shots = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String method = route.method();
            if (i % 31 == 30) {
                method = List.of("PUT", "DELETE", "PATCH", route.isGet() ? "POST" : "GET").get(i / 31 % 4);
            }
            String query = "";
            HostileBodies.Body body;
            Map<String, String> params = queryTemplate(route);
            if (route.isGet() && (i % 2 == 0 || !params.isEmpty() && i % 3 == 0)) {
                query = bodies.nextQuery(params);
                body = new HostileBodies.Body("query", null, null, false);
            } else {
                body = bodies.next(bodyTemplate(route));
                query = params.entrySet().stream().map(e -> e.getKey() + "=" + HostileBodies.urlEncode(e.getValue()))
                        .collect(Collectors.joining("&"));
            }
            String pathAndQuery = route.path() + (query.isEmpty() ? "" : "?" + query);
            boolean direct = !"gateway".equals(route.service()) && i % 3 == 2;
            HostileHttp.Request request = HostileHttp.Request.of(method, pathAndQuery)
                    .header(direct ? "X-Forwarded-For" : HostileSuite.CLIENT_ADDRESS_HEADER, HostileFixture.newAddress());
            request = authorize(route, request, i);
            if (body.contentType() != null) {
                request = request.header("Content-Type", body.contentType());
            }
            if (body.bytes() != null) {
                request = request.body(body.bytes(), body.chunked());
            }
            String sent = pathAndQuery + (body.bytes() == null ? "" : new String(body.bytes(), StandardCharsets.UTF_8));
            shots.add(new Shot(route, direct, request, method + " " + abbreviated(pathAndQuery) + " " + body.preview(), sent));
        }
        return shots;
    }

    /** A valid token (and admin secret) for the route, of an account chosen so limits and lockouts stay apart. */
    private static HostileHttp.Request authorize(HostileRoutes.Route route, HostileHttp.Request request, int i) {
        if (!route.tokenRequired()) {
            return request;
        }
        String token = switch (route.path()) {
            // Logout revokes the token it is given: a new one (signed as auth-service signs) each time.
            case "/user/login/logout" -> suite.tokens.valid(player.player().holder());
            case "/user/login_admin_info/verify/get_secret_admin_password" -> SECRET_ADMINS.get(i % SECRET_ADMINS.size()).token();
            case "/user/info/modify_user_password" -> PASSWORD_USERS.get(i % PASSWORD_USERS.size()).token();
            default -> route.isAdmin() ? operator.token() : player.player().token();
        };
        request = request.header("Authorization", "Bearer " + token);
        if (route.isAdmin()) {
            request = request.header("X-Admin-Secret", i % 29 == 28 ? "' OR '1'='1" + "x".repeat(i % 2 == 0 ? 10 : 5_000)
                    : operator.secret());
        }
        return request;
    }

    /** A valid body of the route, fresh where a value may only be used once. */
    private static Map<String, Object> bodyTemplate(HostileRoutes.Route route) {
        Map<String, Object> body = new LinkedHashMap<>();
        Clients.Person fresh = Clients.Person.fresh();
        switch (route.path()) {
            case "/user/register/register_user_info" -> {
                body.put("user_id", fresh.idNumber());
                body.put("user_name", fresh.name());
                body.put("user_phone_number", fresh.phone());
                body.put("user_email", fresh.email());
                body.put("user_password", fresh.password());
            }
            case "/user/login/login_user_info" -> {
                body.put("user_id", locked.person().idNumber());
                body.put("user_password", WRONG_PASSWORD);
            }
            case "/user/login/login_admin_info_by_aegisspeed_id" -> {
                body.put("user_AegisSpeed_id", locked.holder().aegisSpeedId());
                body.put("user_password", WRONG_PASSWORD);
            }
            case "/user/login_admin_info/verify/get_secret_admin_password" -> body.put("user_password", WRONG_PASSWORD);
            case "/verify/verify_is_user_id_available" -> body.put("user_id", player.player().person().idNumber());
            case "/verify/verify_user_id_and_name" -> {
                body.put("user_id", player.player().person().idNumber());
                body.put("user_name", player.player().person().name());
            }
            case "/user/info/modify_user_phone_number" -> body.put("user_phone_number", fresh.phone());
            case "/user/info/modify_user_password" -> {
                body.put("user_password", WRONG_PASSWORD);
                body.put("new_user_password", "New-Secret-Pass-1");
            }
            case "/verify/verify_is_machine_code_available" -> {
                body.put("user_id", player.player().person().idNumber());
                body.put("machine_code", player.machineCode());
            }
            case "/machine/register/register_machine_info" -> machine(body, "user_id", player.player().person().idNumber());
            case "/machine/register/register_machine_info_by_aegisspeed_id" ->
                    machine(body, "user_AegisSpeed_id", player.player().holder().aegisSpeedId());
            case "/anticheat/report/report_check_result" -> {
                body.put("launch_code", "FUZZ-" + UUID.randomUUID());
                body.put("machine_code", player.machineCode());
                body.put("check_result", "Passed");
                body.put("check_result_detail", "System environment check");
                body.put("start_time", "2026-11-23T10:00:00+08:00");
                body.put("finish_time", "2026-11-23T10:00:05+08:00");
            }
            case "/anticheat/admin/mark_cheater" -> {
                body.put("user_AegisSpeed_id", victim.player().holder().aegisSpeedId());
                body.put("reason", "speed hack");
                body.put("evidence_launch_codes", List.of(victim.launchCode()));
            }
            case "/anticheat/admin/unmark_cheater" -> {
                body.put("user_AegisSpeed_id", victim.player().holder().aegisSpeedId());
                body.put("reason", "appeal accepted");
            }
            case "/admin/endpoints/open", "/admin/endpoints/close" -> body.put("endpoint_path", "/test/check_server_state_dev");
            case "/admin/endpoints/open_service", "/admin/endpoints/close_service" -> body.put("service_name", "gateway");
            case "/admin/maintenance_windows/schedule" -> {
                // An hour ahead: a window that is scheduled closes nothing while the suite runs.
                java.time.Instant start = java.time.Instant.now().plus(java.time.Duration.ofHours(1));
                body.put("endpoint_path", "/test/check_server_state_dev");
                body.put("starts_at", start.toString());
                body.put("ends_at", start.plus(java.time.Duration.ofHours(1)).toString());
                body.put("reason", "hostile bodies");
            }
            case "/admin/maintenance_windows/cancel" -> body.put("window_id", 1);
            default -> {
                // GET endpoints and logout take no body; whatever is sent must still be answered properly
            }
        }
        return body;
    }

    private static void machine(Map<String, Object> body, String key, String value) {
        body.put(key, value);
        body.put("machine_code", Clients.machineCode());
        body.put("windows_uuid", "12345678-1234-1234-1234-123456789012");
        body.put("windows_product_id", "12345-12345-12345-12345-12345");
        body.put("machine_os_name", "Microsoft Windows 11");
        body.put("machine_os_version", "10.0.22631");
        body.put("machine_architecture", "x64");
        body.put("machine_architecture_type", "AMD64");
        body.put("machine_platform", "Win32");
        body.put("machine_cpu", "12th Gen Intel(R) Core(TM) i7-12700K");
        body.put("machine_motherboard", "ASUS PRIME Z690-A");
        body.put("machine_mac_address", "00:11:22:33:44:55");
    }

    private static Map<String, String> queryTemplate(HostileRoutes.Route route) {
        Map<String, String> query = new LinkedHashMap<>();
        switch (route.path()) {
            case "/test/check_server_state_dev" -> query.put("secret_order",
                    Base64.getEncoder().encodeToString(HostileSuite.DEV_SECRET.getBytes(StandardCharsets.UTF_8)));
            case "/user/info/get_user_check_info" -> {
                query.put("page", "1");
                query.put("size", "20");
            }
            case "/anticheat/admin/list_cheating_records", "/anticheat/admin/get_cheater_mark_history" -> {
                query.put("user_AegisSpeed_id", victim.player().holder().aegisSpeedId());
                query.put("page", "1");
                query.put("size", "20");
            }
            case "/admin/endpoints/history" -> {
                query.put("endpoint_path", "/user/register/register_user_info");
                query.put("limit", "20");
            }
            case "/admin/endpoints/statistics" -> query.put("minutes", "5");
            case "/admin/maintenance_windows" -> query.put("limit", "20");
            default -> {
                // no parameters
            }
        }
        return query;
    }

    // ---- running and checking ------------------------------------------------------------------------

    private static List<Outcome> fire(ExecutorService pool, List<Shot> batch) {
        List<Future<Outcome>> pending = batch.stream().map(shot -> pool.submit(() -> {
            HostileHttp target = shot.direct() ? CLIENTS.get(shot.route().service()) : gateway();
            try {
                return new Outcome(shot, target.send(shot.request()), null);
            } catch (RuntimeException e) {
                return new Outcome(shot, null, java.time.Instant.now() + " " + e);
            }
        })).toList();
        List<Outcome> outcomes = new ArrayList<>();
        for (Future<Outcome> outcome : pending) {
            try {
                outcomes.add(outcome.get());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return outcomes;
    }

    private static Optional<String> problemWith(Outcome outcome) {
        Shot shot = outcome.shot();
        String where = (shot.direct() ? "direct to " + shot.route().service() : "via gateway") + ": " + shot.description();
        if (outcome.reply() == null) {
            return Optional.of("no answer (" + outcome.error() + ") " + where);
        }
        // A request line or headers beyond the server's limits (4 KiB, 8 KiB) are refused before the path is read,
        // so in the standard envelope whatever the route's (docs/api-gateway.md).
        HostileRoutes.Route route = outcome.reply().status() == 413 && shot.request().pathAndQuery().length() > 4_000
                ? new HostileRoutes.Route(shot.route().path(), shot.route().method(), shot.route().service(),
                        shot.route().tokenRequired(), "STANDARD")
                : shot.route();
        return HostileRoutes.problemWith(route, outcome.reply(), shot.sentText())
                .map(problem -> problem + " — answer HTTP " + outcome.reply().status() + " "
                        + abbreviated(outcome.reply().body()) + " — to " + where);
    }

    /** A batch whose answers allow no write must leave every table as it was; others only the tables they allow. */
    private static Optional<String> checkWrites(List<Outcome> batch, HostileSuite.DatabaseState before,
                                                HostileSuite.DatabaseState after) {
        Set<String> allowed = new TreeSet<>();
        for (Outcome outcome : batch) {
            if (outcome.reply() != null) {
                Object code = codeOf(outcome.reply());
                allowed.addAll(HostileRoutes.mayWrite(outcome.shot().route().path(), outcome.reply().status(), code));
            }
        }
        Set<String> unexpected = new TreeSet<>(after.changedSince(before));
        unexpected.removeAll(allowed);
        if (unexpected.isEmpty()) {
            return Optional.empty();
        }
        String requests = batch.stream().map(o -> "\n    " + o.shot().route().path() + " -> "
                        + (o.reply() == null ? o.error() : o.reply().status() + " " + codeOf(o.reply())) + ": " + o.shot().description())
                .collect(Collectors.joining());
        return Optional.of("tables " + unexpected + " changed though no answer of the batch allows it:" + requests);
    }

    private static Object codeOf(HostileHttp.Reply reply) {
        try {
            return reply.envelope().get("code");
        } catch (AssertionError notJson) {
            return null;
        }
    }

    /** Requests per endpoint and the distribution of answers, as "HTTP code" counts. */
    private static void report(List<Outcome> outcomes, Duration took) {
        Map<String, List<Outcome>> byRoute = outcomes.stream().collect(Collectors.groupingBy(
                o -> o.shot().route().method() + " " + o.shot().route().path(), TreeMap::new, Collectors.toList()));
        StringBuilder text = new StringBuilder("HostileBodiesTest: %d requests (%d direct to a service) in %d s%n"
                .formatted(outcomes.size(), outcomes.stream().filter(o -> o.shot().direct()).count(), took.toSeconds()));
        byRoute.forEach((route, list) -> {
            Map<String, Long> codes = list.stream().collect(Collectors.groupingBy(
                    o -> o.reply() == null ? "none" : o.reply().status() + " " + codeOf(o.reply()), TreeMap::new, Collectors.counting()));
            text.append("  %-62s %4d (%3d direct)  %s%n".formatted(route, list.size(),
                    list.stream().filter(o -> o.shot().direct()).count(), codes));
        });
        Map<String, Long> kinds = outcomes.stream().collect(Collectors.groupingBy(o -> o.reply() == null ? "none"
                : o.reply().status() + " " + codeOf(o.reply()), TreeMap::new, Collectors.counting()));
        text.append("  all: ").append(kinds);
        System.out.println(text);
    }

    /**
     * The gateway's rate limits answer 429 {@code 00001} "Too many requests" before a request reaches its service;
     * the run spreads its addresses and accounts so that at least 90% of every endpoint's requests get past them.
     */
    private static void assertMostReachedTheService(List<Outcome> outcomes) {
        Map<String, List<Outcome>> byRoute = outcomes.stream().collect(Collectors.groupingBy(o -> o.shot().route().path()));
        byRoute.forEach((path, list) -> {
            long throttled = list.stream().filter(o -> o.reply() != null && o.reply().status() == 429
                    && o.reply().body().contains("Too many requests")).count();
            assertTrue(throttled * 10 <= list.size(), path + ": " + throttled + " of " + list.size()
                    + " requests stopped by the gateway's rate limits");
        });
    }

    /** No field sent along (user_role, roles, …) made anyone an admin: the admins are exactly the ones set up. */
    private static void assertNobodyGainedARole() {
        // user-service stores the role's name (USER, ADMIN, SUPER_ADMIN, …), the state's value (active, cheater)
        assertEquals(1 + SECRET_ADMINS.size(), suite.count("user-service", "users", "user_role <> 'USER'"));
        assertEquals(0, suite.count("user-service", "users", "user_state <> 'active' AND public_id <> '"
                + victim.player().holder().publicId() + "'"));
    }

    private static HostileHttp gateway() {
        return CLIENTS.get("gateway");
    }

    private static HostileHttp.Request adminRequest(String method, String path) {
        return HostileHttp.Request.of(method, path).header("Authorization", "Bearer " + operator.token())
                .header("X-Admin-Secret", operator.secret());
    }

    private static String abbreviated(String text) {
        return text.length() > 160 ? text.substring(0, 160) + "…(" + text.length() + " chars)" : text;
    }
}
