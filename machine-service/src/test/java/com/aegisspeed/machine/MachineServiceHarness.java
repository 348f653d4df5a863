package com.aegisspeed.machine;

import com.aegisspeed.testsupport.RunningService;
import com.aegisspeed.testsupport.TestAuthority;
import com.aegisspeed.testsupport.TestHttp;
import com.aegisspeed.testsupport.TestUserDirectory;
import io.micronaut.json.JsonMapper;

import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * The real machine-service on a fresh MariaDB schema, with test stand-ins for its neighbours: a
 * {@link TestAuthority} (tokens, JWKS, revocations) and a {@link TestUserDirectory} (user-service's internal API).
 */
final class MachineServiceHarness implements AutoCloseable {

    static final String AVAILABILITY = "/verify/verify_is_machine_code_available";
    static final String BY_ID_NUMBER = "/machine/register/register_machine_info";
    static final String BY_AEGISSPEED_ID = "/machine/register/register_machine_info_by_aegisspeed_id";

    private static final JsonMapper JSON = JsonMapper.createDefault();

    final TestAuthority authority;
    final TestUserDirectory users;
    final RunningService service;
    final TestHttp http;

    private MachineServiceHarness(Map<String, Object> extra, Function<Map<String, Object>, RunningService> launch) {
        authority = TestAuthority.start();
        users = TestUserDirectory.start(authority.internalSecret());
        Map<String, Object> properties = new HashMap<>(authority.properties());
        properties.putAll(users.properties());
        properties.putAll(extra);
        service = launch.apply(properties);
        http = service.http();
    }

    static MachineServiceHarness start() {
        return start(Map.of());
    }

    static MachineServiceHarness start(Map<String, Object> extra) {
        return new MachineServiceHarness(extra, RunningService::onFreshSchema);
    }

    /** On the local default instead: embedded H2 (MySQL mode) in {@code dataDir}, as {@code bin/run} runs it. */
    static MachineServiceHarness startOnEmbeddedH2(Path dataDir) {
        return new MachineServiceHarness(Map.of("aegis.data-dir", dataDir.toString()), RunningService::start);
    }

    /** A fresh machine code nobody has bound: 32 letters and digits. */
    static String newMachineCode() {
        return (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "").substring(0, 32);
    }

    /** The eleven machine fields with valid values, in a mutable map a test may alter. */
    static Map<String, Object> machineFields(String machineCode) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("machine_code", machineCode);
        fields.put("windows_uuid", "12345678-1234-1234-1234-123456789012");
        fields.put("windows_product_id", "12345-12345-12345-12345-12345");
        fields.put("machine_os_name", "Microsoft Windows 11");
        fields.put("machine_os_version", "10.0.22631");
        fields.put("machine_architecture", "x64");
        fields.put("machine_architecture_type", "AMD64");
        fields.put("machine_platform", "Win32");
        fields.put("machine_cpu", "12th Gen Intel(R) Core(TM) i7-12700K");
        fields.put("machine_motherboard", "ASUS PRIME Z690-A");
        fields.put("machine_mac_address", "00:11:22:33:44:55");
        return fields;
    }

    static Map<String, Object> byIdNumber(String idNumber, String machineCode) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("user_id", idNumber);
        body.putAll(machineFields(machineCode));
        return body;
    }

    static Map<String, Object> byAegisSpeedId(String aegisSpeedId, String machineCode) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("user_AegisSpeed_id", aegisSpeedId);
        body.putAll(machineFields(machineCode));
        return body;
    }

    static String json(Object value) {
        return TestHttp.json(value);
    }

    /** POSTs {@code body} as JSON with {@code Authorization: Bearer token} (no header when token is null). */
    TestHttp.Reply post(String path, String token, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(http.uri(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json(body)));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request);
    }

    /** GETs an internal path with or without the internal secret. */
    TestHttp.Reply getInternal(String path, boolean withSecret) {
        HttpRequest.Builder request = HttpRequest.newBuilder(http.uri(path)).GET();
        if (withSecret) {
            request.header("X-Aegis-Internal", authority.internalSecret());
        }
        return http.send(request);
    }

    @Override
    public void close() {
        service.close();
        users.close();
        authority.close();
    }
}
