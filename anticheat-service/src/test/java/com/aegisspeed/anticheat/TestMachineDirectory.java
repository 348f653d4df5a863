package com.aegisspeed.anticheat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stands in for machine-service in anticheat-service's tests, speaking its internal owner lookup
 * ({@code GET /internal/machines/{machineCode}}, docs/api-machine-anticheat.md) from a map the test fills.
 * machine-service's own tests pin the real endpoint to the same shape (InternalMachineApiTest).
 */
final class TestMachineDirectory implements AutoCloseable {

    private static final String PREFIX = "/internal/machines/";

    private final String internalSecret;
    private final Map<String, String> ownersByMachineCode = new ConcurrentHashMap<>();
    private volatile HttpServer server;
    private volatile int port;

    private TestMachineDirectory(String internalSecret) {
        this.internalSecret = internalSecret;
    }

    static TestMachineDirectory start(String internalSecret) {
        TestMachineDirectory directory = new TestMachineDirectory(internalSecret);
        directory.listen();
        return directory;
    }

    Map<String, Object> properties() {
        return Map.of("micronaut.http.services.machine.url", uri().toString());
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    void bind(String machineCode, String ownerPublicId) {
        ownersByMachineCode.put(machineCode, ownerPublicId);
    }

    /** Stops answering: connections are refused, as when machine-service is down. */
    void stop() {
        server.stop(0);
    }

    void restart() {
        listen();
    }

    @Override
    public void close() {
        stop();
    }

    private void listen() {
        try {
            HttpServer created = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
            created.createContext("/", this::answer);
            created.start();
            port = created.getAddress().getPort();
            server = created;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (!internalSecret.equals(exchange.getRequestHeaders().getFirst("X-Aegis-Internal"))) {
                respond(exchange, 403, "00000", "{}");
            } else if (!"GET".equals(exchange.getRequestMethod()) || !path.startsWith(PREFIX)) {
                respond(exchange, 404, "00004", "{}");
            } else {
                String code = path.substring(PREFIX.length());
                String owner = ownersByMachineCode.get(code);
                if (owner == null) {
                    respond(exchange, 404, "10002", "{}");
                } else {
                    respond(exchange, 200, "10000", "{\"machine_code\":\"" + code + "\",\"owner_public_id\":\"" + owner
                            + "\",\"bound_at\":\"2026-01-01T00:00:00Z\"}");
                }
            }
        }
    }

    private static void respond(HttpExchange exchange, int status, String code, String data) throws IOException {
        byte[] body = ("{\"status\":" + status + ",\"code\":\"" + code + "\",\"result\":\"-\",\"data\":" + data + "}")
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }
}
