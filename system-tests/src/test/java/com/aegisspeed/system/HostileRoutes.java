package com.aegisspeed.system;

import com.aegisspeed.testsupport.ServiceProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every public endpoint as the gateway's route table lists it, and what the docs promise about each: the
 * statuses and codes it may answer (docs/api-*.md), its envelope, and which tables an answer may have changed.
 * The tests take the endpoints from the route table itself, so a route added later without its codes listed
 * here fails them instead of going untested.
 */
final class HostileRoutes {

    /** One entry of {@code aegis.gateway.routes}. */
    record Route(String path, String method, String service, boolean tokenRequired, String envelope) {

        boolean isGet() {
            return "GET".equals(method);
        }

        /** Needs an admin token and the dynamic admin secret (docs/api-gateway.md, docs/api-machine-anticheat.md). */
        boolean isAdmin() {
            return path.startsWith("/admin/") || path.startsWith("/anticheat/admin/") || path.equals("/user/info/get_admin_info");
        }
    }

    /** Project-wide codes and the statuses they come with (docs/contract.md). */
    private static final Set<String> PROJECT = Set.of("403:00000", "429:00001", "503:00002", "413:00003",
            "404:00004", "405:00004", "400:00005", "415:00005");

    private static final Set<String> OPERATOR = Set.of("200:10000", "400:00005", "401:10001", "401:10004", "403:10005",
            "404:10006", "500:10003");
    private static final Set<String> MACHINE_REGISTER = Set.of("200:10000", "403:10001", "400:10002", "404:10003",
            "409:10004", "500:10005", "401:10001", "403:10007", "403:10008");
    private static final Set<String> CHEATER_ADMIN = Set.of("200:10000", "401:10001", "403:10002", "500:10003",
            "401:10004", "403:10005", "400:10006", "404:10007", "409:10008");

    /** Documented {@code status:code} pairs per path (docs/contract.md, "Codes by endpoint"). */
    private static final Map<String, Set<String>> DOCUMENTED = Map.ofEntries(
            Map.entry("/test/check_server_state", Set.of("200:10000")),
            // The developer envelope has no code; problemWith checks its shape instead.
            Map.entry("/test/check_server_state_dev", Set.of()),
            Map.entry("/test/check_server_api_state", Set.of("200:10000")),
            Map.entry("/verify/verify_client_version_number", Set.of("200:10000", "403:10002")),
            Map.entry("/admin/endpoints", OPERATOR),
            Map.entry("/admin/endpoints/open", OPERATOR),
            Map.entry("/admin/endpoints/close", OPERATOR),
            Map.entry("/admin/endpoints/open_service", OPERATOR),
            Map.entry("/admin/endpoints/close_service", OPERATOR),
            Map.entry("/admin/endpoints/history", OPERATOR),
            Map.entry("/admin/endpoints/statistics", OPERATOR),
            Map.entry("/admin/maintenance_windows", OPERATOR),
            Map.entry("/admin/maintenance_windows/schedule", union(OPERATOR, Set.of("400:10007"))),
            Map.entry("/admin/maintenance_windows/cancel", union(OPERATOR, Set.of("409:10008"))),
            Map.entry("/user/register/register_user_info", Set.of("200:10000", "400:10001", "400:10002", "400:10003",
                    "400:10004", "400:10010", "409:10005", "409:10006", "409:10007", "403:10008", "500:10009")),
            Map.entry("/user/login/login_user_info", Set.of("200:10000", "401:10001", "401:10002", "403:10003", "500:10004")),
            Map.entry("/user/login/login_admin_info_by_aegisspeed_id", Set.of("200:10000", "400:10006", "400:10005",
                    "401:10001", "401:10002", "401:10007", "403:10003", "500:10004")),
            Map.entry("/user/login_admin_info/verify/get_secret_admin_password", Set.of("200:10000", "401:10001",
                    "401:10004", "401:10005", "403:10002", "500:10003")),
            Map.entry("/user/login/logout", Set.of("200:10000", "401:10001", "403:10003", "500:10004")),
            Map.entry("/verify/verify_is_user_id_available", Set.of("200:10000", "200:10003", "400:10002", "403:10001",
                    "500:10004")),
            Map.entry("/verify/verify_user_id_and_name", Set.of("200:10000", "200:10003", "200:10006", "400:10002",
                    "400:10005", "403:10001", "500:10004")),
            Map.entry("/user/info/get_user_info", Set.of("200:10000", "401:10001", "403:10002", "500:10003")),
            Map.entry("/user/info/get_admin_info", Set.of("200:10000", "401:10001", "401:10004", "403:10002", "500:10003")),
            Map.entry("/user/info/modify_user_phone_number", Set.of("200:10000", "409:10003", "400:10005", "401:10001",
                    "403:10002", "500:10004")),
            Map.entry("/user/info/modify_user_password", Set.of("200:10000", "401:10003", "400:10005", "401:10001",
                    "403:10002", "500:10004")),
            Map.entry("/verify/verify_is_machine_code_available", Set.of("200:10000", "200:10002", "200:10003",
                    "400:10002", "403:10001", "500:10004")),
            Map.entry("/machine/register/register_machine_info", MACHINE_REGISTER),
            Map.entry("/machine/register/register_machine_info_by_aegisspeed_id", MACHINE_REGISTER),
            Map.entry("/machine/info/get_machine_info", Set.of("200:10000", "401:10001", "403:10002", "500:10003",
                    "400:10004", "403:10005", "404:10006")),
            Map.entry("/user/info/get_user_check_info", Set.of("200:10000", "401:10001", "403:10002", "500:10004")),
            Map.entry("/anticheat/report/report_check_result", Set.of("200:10000", "401:10001", "403:10002", "400:10003",
                    "500:10004", "403:10005", "409:10006")),
            Map.entry("/anticheat/check/check_user_cheat_status", Set.of("200:10000", "200:10003", "200:10004",
                    "401:10001", "403:10002", "500:10005")),
            Map.entry("/anticheat/admin/list_cheating_records", CHEATER_ADMIN),
            Map.entry("/anticheat/admin/mark_cheater", CHEATER_ADMIN),
            Map.entry("/anticheat/admin/unmark_cheater", CHEATER_ADMIN),
            Map.entry("/anticheat/admin/get_cheater_mark_history", CHEATER_ADMIN));

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> both = new java.util.HashSet<>(a);
        both.addAll(b);
        return Set.copyOf(both);
    }

    /** What every endpoint that needs a token answers (with 401) to a refused one (docs/contract.md). */
    static final String TOKEN_INVALID = "10001";

    private static final Pattern ROUTE_NAME = Pattern.compile("^ {6}([a-z0-9-]+):\\s*$");
    private static final Pattern SETTING = Pattern.compile("^ {8}([a-z-]+):\\s*(.*?)\\s*$");

    private HostileRoutes() {
    }

    /** The route table of {@code gateway/src/main/resources/application.yml}. */
    static List<Route> fromGatewayConfig() {
        Path yml = ServiceProcess.repositoryRoot().resolve("gateway/src/main/resources/application.yml");
        List<String> lines;
        try {
            lines = Files.readAllLines(yml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Route> routes = new ArrayList<>();
        boolean inRoutes = false;
        String path = null;
        String methods = null;
        String service = null;
        boolean token = false;
        String envelope = "STANDARD";
        for (String line : lines) {
            if (line.equals("    routes:")) {
                inRoutes = true;
                continue;
            }
            if (!inRoutes) {
                continue;
            }
            Matcher name = ROUTE_NAME.matcher(line);
            Matcher setting = SETTING.matcher(line);
            if (name.matches() || !line.startsWith("      ") && !line.isBlank()) {
                addRoutes(routes, path, methods, service, token, envelope);
                path = methods = service = null;
                token = false;
                envelope = "STANDARD";
                if (!name.matches()) {
                    inRoutes = false;
                }
            } else if (setting.matches()) {
                switch (setting.group(1)) {
                    case "path" -> path = setting.group(2);
                    case "methods" -> methods = setting.group(2);
                    case "service" -> service = setting.group(2);
                    case "token-required" -> token = Boolean.parseBoolean(setting.group(2));
                    case "envelope" -> envelope = setting.group(2);
                    default -> {
                        // limits and flags do not change what is fuzzed
                    }
                }
            }
        }
        addRoutes(routes, path, methods, service, token, envelope);
        return routes;
    }

    private static void addRoutes(List<Route> routes, String path, String methods, String service, boolean token,
                                  String envelope) {
        if (path == null) {
            return;
        }
        for (String method : methods.replaceAll("[\\[\\]\\s]", "").split(",")) {
            routes.add(new Route(path, method, service, token, envelope));
        }
    }

    /** Whether the docs list {@code status:code} for {@code path}, or it is a project-wide code. */
    static boolean isDocumented(String path, int status, Object code) {
        String pair = status + ":" + code;
        return PROJECT.contains(pair) || DOCUMENTED.getOrDefault(path, Set.of()).contains(pair);
    }

    static boolean hasDocumentedCodes(String path) {
        return DOCUMENTED.containsKey(path);
    }

    /**
     * The tables ({@code module.table}) an answer of {@code path} may have written. Every refusal writes nothing,
     * except that failed password checks are counted (docs/contract.md, "Brute force"), in auth-service's {@code login_failures}.
     */
    static Set<String> mayWrite(String path, int status, Object code) {
        boolean ok = status == 200;
        Set<String> failures = Set.of("auth-service.login_failures");
        return switch (path) {
            case "/user/register/register_user_info" -> ok
                    ? Set.of("user-service.users", "user-service.aegisspeed_id_sequence") : Set.of();
            case "/user/login/login_user_info", "/user/login/login_admin_info_by_aegisspeed_id" ->
                    ok || status == 401 ? failures : Set.of();
            case "/user/login_admin_info/verify/get_secret_admin_password" -> ok
                    ? Set.of("auth-service.admin_secrets", "auth-service.login_failures")
                    : status == 401 && !"10005".equals(code) ? failures : Set.of();
            case "/user/login/logout" -> ok ? Set.of("auth-service.revocations", "auth-service.admin_secrets") : Set.of();
            case "/user/info/modify_user_phone_number" -> ok ? Set.of("user-service.users") : Set.of();
            case "/user/info/modify_user_password" -> ok
                    ? Set.of("user-service.users", "auth-service.revocations", "auth-service.login_failures")
                    : status == 401 && "10003".equals(code) ? failures : Set.of();
            case "/machine/register/register_machine_info", "/machine/register/register_machine_info_by_aegisspeed_id" ->
                    ok ? Set.of("machine-service.machines") : Set.of();
            case "/anticheat/report/report_check_result" -> ok ? Set.of("anticheat-service.check_logs") : Set.of();
            case "/anticheat/admin/mark_cheater" -> ok ? Set.of("anticheat-service.cheater_marks",
                    "anticheat-service.cheater_mark_events", "user-service.users", "auth-service.revocations") : Set.of();
            case "/anticheat/admin/unmark_cheater" -> ok ? Set.of("anticheat-service.cheater_marks",
                    "anticheat-service.cheater_mark_events", "user-service.users") : Set.of();
            case "/admin/endpoints/open", "/admin/endpoints/close", "/admin/endpoints/open_service",
                    "/admin/endpoints/close_service" -> ok
                    ? Set.of("gateway.endpoint_flags", "gateway.endpoint_flag_changes") : Set.of();
            case "/admin/maintenance_windows/schedule", "/admin/maintenance_windows/cancel" -> ok
                    ? Set.of("gateway.maintenance_windows") : Set.of();
            default -> Set.of();
        };
    }

    /** Marks of an internal error leaking out: stack traces, exception names, SQL, driver and framework names. */
    private static final List<String> LEAKS = List.of("Exception", "\tat ", "SQLState", "SQL syntax", "jdbc:",
            "com.mysql", "org.mariadb", "io.micronaut", "java.lang", "com.fasterxml", "Caused by");

    /**
     * What is wrong with {@code reply} as an answer of {@code route} to a request that carried {@code sent}
     * (the leak check skips marks the request itself carried, which an answer may quote): empty if nothing.
     */
    static Optional<String> problemWith(Route route, HostileHttp.Reply reply, String sent) {
        if (reply.status() >= 500) {
            return Optional.of("a server error");
        }
        if (!reply.contentType().startsWith("application/json")) {
            return Optional.of("content type " + reply.contentType());
        }
        Map<String, Object> envelope;
        try {
            envelope = reply.envelope();
        } catch (AssertionError notAnObject) {
            return Optional.of("not a JSON object");
        }
        if (!(envelope.get("status") instanceof Number status) || status.intValue() != reply.status()) {
            return Optional.of("status field " + envelope.get("status") + " is not the HTTP status");
        }
        for (String leak : LEAKS) {
            if (reply.body().contains(leak) && !sent.contains(leak)) {
                return Optional.of("leaks '" + leak.trim() + "'");
            }
        }
        if ("DEV".equals(route.envelope())) {
            return Set.of("status", "server_state", "FastApi_version", "Python_version").containsAll(envelope.keySet())
                    ? Optional.empty() : Optional.of("not the developer envelope");
        }
        Object code = envelope.get("code");
        if (!(code instanceof String text) || !text.matches("[0-9]{5}")) {
            return Optional.of("code " + code + " is not 5 digits");
        }
        Set<String> keys = switch (route.envelope()) {
            case "TOKEN" -> Set.of("status", "code", "result", "data", "token");
            case "AVAILABILITY" -> Set.of("status", "code", "info", "result");
            default -> Set.of("status", "code", "result", "data");
        };
        if (!envelope.keySet().equals(keys)) {
            return Optional.of("keys " + envelope.keySet() + " instead of " + keys);
        }
        if ("AVAILABILITY".equals(route.envelope())
                ? !(envelope.get("info") instanceof String info && !info.isBlank() && envelope.get("result") instanceof Boolean)
                : !(envelope.get("result") instanceof String result && !result.isBlank() && envelope.get("data") instanceof Map)) {
            return Optional.of("result text or data missing");
        }
        if ("TOKEN".equals(route.envelope()) && !(envelope.get("token") instanceof String)) {
            return Optional.of("token is not a string");
        }
        if (!isDocumented(route.path(), reply.status(), code)) {
            return Optional.of("HTTP " + reply.status() + " code " + code + " is not documented for " + route.path());
        }
        return Optional.empty();
    }
}
