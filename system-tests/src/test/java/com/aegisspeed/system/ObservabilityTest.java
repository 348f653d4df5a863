package com.aegisspeed.system;

import com.aegisspeed.system.OtlpReceiver.ReceivedSpan;
import com.aegisspeed.testsupport.ServiceProcess;
import com.aegisspeed.testsupport.TestHttp;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The suite as operators watch it: JSON logs (as in the images), traces exported over OTLP to a receiver in this
 * test, metrics on each management port. One request is one trace across every service it touches; a client's
 * own traceparent does not join it to anyone's trace; every metric the dashboards and alerts in
 * deploy/k8s/monitoring name is exported by the service they watch; and no log line of the run holds an ID number,
 * phone, e-mail, password, token or admin secret the test used.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ObservabilityTest {

    private static final Duration SPANS_WITHIN = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.createDefault();
    private static final Path MONITORING = ServiceProcess.repositoryRoot().resolve("deploy/k8s/monitoring");
    /** Series that Prometheus itself (up) and kube-state-metrics make, not the services. */
    private static final Set<String> NOT_FROM_THE_SERVICES = Set.of("up", "kube_pod_status_ready");
    private static final Pattern SELECTOR = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*\\{([^}]*)}");
    private static final Pattern JOB = Pattern.compile("job\\s*(=~?)\\s*\"([^\"]*)\"");

    private static OtlpReceiver receiver;
    private static Suite suite;
    private static Clients clients;
    /** Every personal or secret value this test sent, to be found in no log line. */
    private static final Set<String> SENT_SECRETS = new LinkedHashSet<>(List.of(Suite.ADMIN_ID_NUMBER,
            Suite.ADMIN_PASSWORD, "13900000000", "operator@example.com"));

    @BeforeAll
    static void startSuite() {
        receiver = new OtlpReceiver();
        Map<String, String> observed = new HashMap<>(receiver.exporterEnvironment());
        observed.put("AEGIS_LOG_FORMAT", "json");
        Map<String, Map<String, String>> extra = new HashMap<>();
        Suite.MODULES.forEach(module -> extra.put(module, observed));
        suite = Suite.start(extra);
        clients = new Clients(suite.gateway());
    }

    @AfterAll
    static void stop() {
        if (suite != null) {
            suite.close();
        }
        if (receiver != null) {
            receiver.close();
        }
    }

    @Test
    @Order(1)
    void aLoginThroughTheGatewayIsOneTraceWithSpansFromTheGatewayAuthServiceAndUserServiceAndItsQueries() {
        Clients.Person player = registered();
        String requestId = "login-" + UUID.randomUUID();

        TestHttp.Reply login = send(requestId, null, "/user/login/login_user_info",
                "{\"user_id\":\"%s\",\"user_password\":\"%s\"}".formatted(player.idNumber(), player.password()));
        assertEquals(200, login.status(), login.body());
        SENT_SECRETS.add(login.envelope().get("token").toString());

        ReceivedSpan entry = awaitServerSpan("gateway", requestId);
        List<ReceivedSpan> trace = awaitTrace(entry.traceId(), spans -> servers(spans, "auth-service")
                && servers(spans, "user-service") && statements(spans, "user-service"));
        assertEquals("", entry.parentSpanId(), "the gateway starts the trace: " + describe(trace));
        for (ReceivedSpan span : trace) {
            assertEquals(entry.traceId(), span.traceId());
            if (span != entry) {
                assertTrue(trace.stream().anyMatch(parent -> parent.spanId().equals(span.parentSpanId())),
                        "every other span hangs off one of the trace: " + span + "\n" + describe(trace));
            }
        }
        ReceivedSpan auth = trace.stream().filter(span -> span.service().equals("auth-service")
                && span.kind() == ReceivedSpan.SERVER).findFirst().orElseThrow();
        ReceivedSpan callerOfAuth = trace.stream().filter(span -> span.spanId().equals(auth.parentSpanId()))
                .findFirst().orElseThrow();
        assertEquals("gateway", callerOfAuth.service(), "auth-service is called by the gateway: " + describe(trace));
        assertEquals(ReceivedSpan.CLIENT, callerOfAuth.kind());
        System.out.println("One traced login, request " + requestId + ":\n" + describe(trace));
    }

    @Test
    @Order(2)
    void aClientsOwnTraceparentStartsANewTraceInsteadOfJoiningIt() {
        // From loopback, which the gateway trusts as a proxy for client addresses: a traceparent is still a client's.
        String clientTrace = UUID.randomUUID().toString().replace("-", "");
        String requestId = "foreign-" + UUID.randomUUID();
        TestHttp.Reply reply = suite.gateway().send(HttpRequest.newBuilder(suite.gateway().uri("/test/check_server_api_state"))
                .header("X-Request-Id", requestId)
                .header("traceparent", "00-" + clientTrace + "-00f067aa0ba902b7-01")
                .header("baggage", "user=someone-else").GET());
        assertTrue(reply.status() < 500, reply.body());

        ReceivedSpan entry = awaitServerSpan("gateway", requestId);
        assertNotEquals(clientTrace, entry.traceId());
        assertEquals("", entry.parentSpanId(), "the client's span is nobody's parent");
        assertTrue(receiver.spans().stream().noneMatch(span -> span.traceId().equals(clientTrace)),
                "no service joined the client's trace");
    }

    @Test
    @Order(3)
    void everyMetricTheDashboardsAndAlertsUseIsExportedByTheServiceTheyWatch() throws IOException {
        // Meters made on first use: a refusal (a wrong password) and answers through every service.
        Clients.Person player = registered();
        assertEquals(401, clients.login(player.idNumber(), player.password() + "-wrong").status());
        Map<String, Set<String>> exported = new LinkedHashMap<>();
        for (String module : Suite.MODULES) {
            exported.put(module, exportedNames(suite.service(module)));
        }

        List<String> expressions = new ArrayList<>();
        try (Stream<Path> dashboards = Files.list(MONITORING.resolve("dashboards"))) {
            List<Path> files = dashboards.filter(file -> file.toString().endsWith(".json")).sorted().toList();
            assertEquals(Set.of("gateway.json", "auth-service.json", "user-service.json", "machine-service.json",
                            "anticheat-service.json"),
                    files.stream().map(file -> file.getFileName().toString()).collect(Collectors.toSet()),
                    "a dashboard per service and one for the gateway");
            for (Path file : files) {
                expressions.addAll(dashboardExpressions(file));
            }
        }
        expressions.addAll(alertExpressions(MONITORING.resolve("alerts.yaml")));
        assertTrue(expressions.size() > 40, "the dashboards and alerts were read: " + expressions.size());

        Set<String> missing = new TreeSet<>();
        for (String expression : expressions) {
            Matcher selector = SELECTOR.matcher(expression);
            boolean any = false;
            while (selector.find()) {
                any = true;
                String name = selector.group(1);
                if (NOT_FROM_THE_SERVICES.contains(name)) {
                    continue;
                }
                Set<String> jobs = jobs(selector.group(2));
                assertFalse(jobs.isEmpty(), "every selector names the service it watches: " + expression);
                for (String job : jobs) {
                    assertTrue(exported.containsKey(job), "no such service " + job + " in " + expression);
                    if (!exported.get(job).contains(name)) {
                        missing.add(job + ": " + name);
                    }
                }
            }
            assertTrue(any, "every expression selects its series with {...}: " + expression);
        }
        assertEquals(Set.of(), missing, "metrics the dashboards or alerts use that the service does not export");
    }

    @Test
    @Order(4)
    void logLinesAreJsonWithServiceTraceRequestIdAndRouteAndHoldNoPersonalValueOrSecret() throws Exception {
        Clients.Person cheater = registered();
        String token = clients.login(cheater.idNumber(), cheater.password()).envelope().get("token").toString();
        SENT_SECRETS.add(token);
        String aegisSpeedId = clients.get("/user/info/get_user_info", token).data().get("user_AegisSpeed_id").toString();
        String machine = Clients.machineCode();
        assertEquals(200, clients.bindMachine(token, cheater.idNumber(), machine).status());
        String launchCode = "LAUNCH-" + UUID.randomUUID();
        assertEquals(200, clients.reportCheck(token, launchCode, machine, "Failed").status());
        String[] operator = clients.operatorSession();
        SENT_SECRETS.add(operator[0]);
        SENT_SECRETS.add(operator[1]);
        String requestId = "mark-" + UUID.randomUUID();
        TestHttp.Reply marked = suite.gateway().send(HttpRequest.newBuilder(suite.gateway().uri("/anticheat/admin/mark_cheater"))
                .header("X-Request-Id", requestId).header("Authorization", "Bearer " + operator[0])
                .header("X-Admin-Secret", operator[1]).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"user_AegisSpeed_id\":\"%s\",\"reason\":\"speed hack\",\"evidence_launch_codes\":[\"%s\"]}"
                                .formatted(aegisSpeedId, launchCode))));
        assertEquals(200, marked.status(), marked.body());
        String traceId = awaitServerSpan("gateway", requestId).traceId();

        // The anticheat-service logs the marking while serving the request: that line names request and trace.
        Map<String, Object> line = awaitLogLine(suite.service("anticheat-service"),
                event -> requestId.equals(event.get("request_id")));
        assertEquals("anticheat-service", line.get("service"));
        assertEquals("/anticheat/admin/mark_cheater", line.get("route"));
        assertEquals(traceId, line.get("trace_id"), "the log line leads to the request's trace: " + line);
        assertTrue(line.get("span_id").toString().matches("[0-9a-f]{16}"), line.toString());

        for (String module : Suite.MODULES) {
            ServiceProcess service = suite.service(module);
            List<String> lines = Files.readAllLines(service.log());
            assertFalse(lines.isEmpty(), module);
            for (String text : lines) {
                if (text.isBlank()) {
                    continue;
                }
                Map<String, Object> event = parse(text, module);
                assertEquals(module, event.get("service"), text);
                assertTrue(event.containsKey("time") && event.containsKey("level") && event.containsKey("message"), text);
            }
        }
        // This run's logs, and those of every other service process the system tests started in this build.
        List<Path> logs = new ArrayList<>();
        for (String module : Suite.MODULES) {
            try (Stream<Path> files = Files.list(ServiceProcess.repositoryRoot().resolve(module).resolve("target"))) {
                files.filter(file -> file.getFileName().toString().startsWith("service-process-")).forEach(logs::add);
            }
        }
        List<String> leaks = new ArrayList<>();
        for (Path log : logs) {
            for (String text : Files.readAllLines(log)) {
                for (String secret : SENT_SECRETS) {
                    if (text.contains(secret)) {
                        leaks.add(log.getFileName() + ": " + text);
                    }
                }
            }
        }
        assertEquals(List.of(), leaks, "log lines holding a personal value, password, token or secret the tests sent");
    }

    private static Clients.Person registered() {
        Clients.Person person = Clients.Person.fresh();
        TestHttp.Reply registered = clients.register(person);
        assertEquals(200, registered.status(), registered.body());
        SENT_SECRETS.addAll(List.of(person.idNumber(), person.phone(), person.email(), person.password(),
                registered.envelope().get("token").toString()));
        return person;
    }

    private static TestHttp.Reply send(String requestId, String token, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(suite.gateway().uri(path))
                .header("X-Request-Id", requestId).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return suite.gateway().send(request);
    }

    /** A JDBC span: a CLIENT span named by its SQL verb and table. */
    private static boolean statements(List<ReceivedSpan> spans, String service) {
        return spans.stream().anyMatch(span -> span.service().equals(service) && span.kind() == ReceivedSpan.CLIENT
                && span.name().startsWith("SELECT "));
    }

    private static boolean servers(List<ReceivedSpan> spans, String service) {
        return spans.stream().anyMatch(span -> span.service().equals(service) && span.kind() == ReceivedSpan.SERVER);
    }

    private static ReceivedSpan awaitServerSpan(String service, String requestId) {
        return await(() -> receiver.spans().stream()
                .filter(span -> span.service().equals(service) && span.kind() == ReceivedSpan.SERVER
                        && requestId.equals(span.attributes().get("aegis.request_id")))
                .findFirst().orElse(null), "the " + service + " server span of request " + requestId);
    }

    private static List<ReceivedSpan> awaitTrace(String traceId, Predicate<List<ReceivedSpan>> complete) {
        return await(() -> {
            List<ReceivedSpan> trace = receiver.spans().stream().filter(span -> span.traceId().equals(traceId)).toList();
            return complete.test(trace) ? trace : null;
        }, "the spans of trace " + traceId);
    }

    private static <T> T await(Supplier<T> found, String what) {
        long deadline = System.nanoTime() + SPANS_WITHIN.toNanos();
        while (System.nanoTime() < deadline) {
            T value = found.get();
            if (value != null) {
                return value;
            }
            pause();
        }
        return fail(what + " did not arrive within " + SPANS_WITHIN + "; received: " + describe(receiver.spans()));
    }

    private static Map<String, Object> awaitLogLine(ServiceProcess service, Predicate<Map<String, Object>> wanted) {
        return await(() -> {
            try {
                for (String text : Files.readAllLines(service.log())) {
                    if (text.startsWith("{")) {
                        Map<String, Object> event = parse(text, service.module());
                        if (wanted.test(event)) {
                            return event;
                        }
                    }
                }
                return null;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, "the log line of " + service.module());
    }

    private static Map<String, Object> parse(String line, String module) {
        try {
            return JSON.readValue(line, Argument.mapOf(String.class, Object.class));
        } catch (IOException | RuntimeException e) {
            return fail(module + " logged a line that is not one JSON object: " + line);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The spans as a tree: service, kind and name, indented under their parent. */
    private static String describe(List<ReceivedSpan> spans) {
        StringBuilder text = new StringBuilder();
        Set<String> ids = spans.stream().map(ReceivedSpan::spanId).collect(Collectors.toSet());
        spans.stream().filter(span -> !ids.contains(span.parentSpanId()))
                .forEach(root -> describe(spans, root, 0, text));
        return text.toString();
    }

    private static void describe(List<ReceivedSpan> spans, ReceivedSpan span, int depth, StringBuilder text) {
        String kind = switch (span.kind()) {
            case ReceivedSpan.SERVER -> "SERVER";
            case ReceivedSpan.CLIENT -> "CLIENT";
            default -> "INTERNAL";
        };
        text.append("  ".repeat(depth)).append(span.service()).append(' ').append(kind).append(" \"")
                .append(span.name()).append("\" trace ").append(span.traceId()).append(" span ").append(span.spanId())
                .append('\n');
        spans.stream().filter(child -> child.parentSpanId().equals(span.spanId()))
                .forEach(child -> describe(spans, child, depth + 1, text));
    }

    private static Set<String> exportedNames(ServiceProcess service) {
        TestHttp.Reply scrape = service.managementHttp().get("/prometheus");
        assertEquals(200, scrape.status(), service.module());
        Set<String> names = new HashSet<>();
        for (String line : scrape.body().split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                names.add(line.split("[{ ]", 2)[0]);
            }
        }
        return names;
    }

    private static Set<String> jobs(String labels) {
        Matcher job = JOB.matcher(labels);
        if (!job.find()) {
            return Set.of();
        }
        return job.group(1).equals("=") ? Set.of(job.group(2)) : Set.of(job.group(2).split("\\|"));
    }

    @SuppressWarnings("unchecked")
    private static List<String> dashboardExpressions(Path file) throws IOException {
        Map<String, Object> dashboard = JSON.readValue(Files.readString(file), Argument.mapOf(String.class, Object.class));
        List<String> expressions = new ArrayList<>();
        for (Object panel : (List<Object>) dashboard.get("panels")) {
            for (Object target : (List<Object>) ((Map<String, Object>) panel).get("targets")) {
                expressions.add(((Map<String, Object>) target).get("expr").toString());
            }
        }
        return expressions;
    }

    @SuppressWarnings("unchecked")
    private static List<String> alertExpressions(Path file) throws IOException {
        Map<String, Object> rule = new Yaml().load(Files.readString(file));
        List<String> expressions = new ArrayList<>();
        for (Object group : (List<Object>) ((Map<String, Object>) rule.get("spec")).get("groups")) {
            for (Object alert : (List<Object>) ((Map<String, Object>) group).get("rules")) {
                Map<String, Object> fields = (Map<String, Object>) alert;
                Map<String, Object> annotations = (Map<String, Object>) fields.get("annotations");
                assertTrue(annotations != null && annotations.get("runbook") != null
                        && annotations.get("runbook").toString().length() > 80, "runbook text for " + fields.get("alert"));
                expressions.add(fields.get("expr").toString());
            }
        }
        return expressions;
    }
}
