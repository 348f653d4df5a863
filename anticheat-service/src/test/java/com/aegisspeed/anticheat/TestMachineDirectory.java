package com.aegisspeed.anticheat;

import com.aegisspeed.testsupport.ProtocolStub;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stands in for machine-service in anticheat-service's tests, speaking its internal owner lookup
 * ({@code GET /internal/machines/{machineCode}}, docs/internal-api.md) from a map the test fills.
 * machine-service's own tests pin the real endpoint to the same shape (InternalMachineApiTest).
 */
final class TestMachineDirectory extends ProtocolStub {

    private static final String PREFIX = "/internal/machines/";

    private final Map<String, String> ownersByMachineCode = new ConcurrentHashMap<>();

    private TestMachineDirectory(String internalSecret) {
        super(internalSecret);
    }

    static TestMachineDirectory start(String internalSecret) {
        TestMachineDirectory directory = new TestMachineDirectory(internalSecret);
        directory.startServer();
        return directory;
    }

    Map<String, Object> properties() {
        return Map.of("micronaut.http.services.machine.url", uri().toString());
    }

    void bind(String machineCode, String ownerPublicId) {
        ownersByMachineCode.put(machineCode, ownerPublicId);
    }

    @Override
    protected Answer answer(String method, String path, String query, Map<String, Object> body) {
        if (!"GET".equals(method) || !path.startsWith(PREFIX)) {
            return new Answer(404, "00004", Map.of());
        }
        String machineCode = path.substring(PREFIX.length());
        String owner = ownersByMachineCode.get(machineCode);
        if (owner == null) {
            return new Answer(404, "10002", Map.of());
        }
        return Answer.ok(Map.of("machine_code", machineCode, "owner_public_id", owner,
                "bound_at", "2026-01-01T00:00:00Z"));
    }
}
