package com.aegisspeed.gateway;

import com.aegisspeed.common.identity.Role;
import com.aegisspeed.testsupport.RunningService;
import com.aegisspeed.testsupport.TestAuthority;
import io.micronaut.runtime.server.EmbeddedServer;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The real gateway on a fresh MariaDB schema, in front of four {@link FakeService}s and a
 * {@link TestAuthority} standing in for auth-service's keys, revocations and admin secrets.
 */
final class GatewayUnderTest implements AutoCloseable {

    static final String[] SERVICES = {"auth-service", "user-service", "machine-service", "anticheat-service"};

    final TestAuthority authority;
    final Map<String, FakeService> services = new LinkedHashMap<>();
    final RunningService gateway;
    final GatewayClient client;
    private final Map<String, Object> properties;

    private GatewayUnderTest(Map<String, Object> extra, boolean freshSchema) {
        authority = TestAuthority.start();
        for (String service : SERVICES) {
            services.put(service, FakeService.start(service));
        }
        properties = new HashMap<>(authority.properties());
        services.forEach((name, fake) -> {
            // One fake plays both the service's public port and its management port (readiness).
            properties.put("micronaut.http.services." + name + ".url", fake.uri().toString());
            properties.put("micronaut.http.services." + name + "-management.url", fake.uri().toString());
        });
        properties.putAll(extra);
        gateway = freshSchema ? RunningService.onFreshSchema(properties) : RunningService.start(properties);
        client = new GatewayClient(gateway.context().getBean(EmbeddedServer.class).getURI());
    }

    static GatewayUnderTest start() {
        return start(Map.of());
    }

    static GatewayUnderTest start(Map<String, Object> extra) {
        return new GatewayUnderTest(extra, true);
    }

    /** On a database the test provides ({@code aegis.db.*} among the properties), e.g. one it stops and starts. */
    static GatewayUnderTest onSchema(Map<String, Object> properties) {
        return new GatewayUnderTest(properties, false);
    }

    FakeService service(String name) {
        return services.get(name);
    }

    /** A second gateway process on the same database and in front of the same services. */
    RunningService secondGateway() {
        Map<String, Object> same = new HashMap<>(properties);
        for (String key : new String[] {"aegis.db.url", "aegis.db.user", "aegis.db.password"}) {
            same.put(key, gateway.context().getRequiredProperty(key, String.class));
        }
        return RunningService.start(same);
    }

    String userToken() {
        return "Bearer " + authority.tokenFor("user-" + System.nanoTime(), "ASD000101", Role.USER);
    }

    @Override
    public void close() {
        gateway.close();
        services.values().forEach(FakeService::close);
        authority.close();
    }
}
