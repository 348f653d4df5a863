package com.aegisspeed.testsupport;

import com.aegisspeed.common.internal.InternalConfiguration;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A small HTTP server speaking one service's internal protocol for another service's tests (the service under
 * test is real; this stands in for its neighbour). It can be stopped, to play an outage, and started again
 * on the same port.
 */
public abstract class ProtocolStub implements AutoCloseable {

    /** What a request handled by {@link #answer} gets back: HTTP status and the envelope's code and data. */
    public record Answer(int status, String code, Object data) {
        public static Answer ok(Object data) {
            return new Answer(200, "10000", data);
        }
    }

    private final String internalSecret;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private volatile HttpServer server;
    private volatile int port;

    protected ProtocolStub(String internalSecret) {
        this.internalSecret = internalSecret;
    }

    protected final void startServer() {
        try {
            HttpServer created = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
            created.createContext("/", this::dispatch);
            created.setExecutor(executor);
            created.start();
            port = created.getAddress().getPort();
            server = created;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public String internalSecret() {
        return internalSecret;
    }

    /** Stops answering: connections are refused, as when the service is down. */
    public void stop() {
        HttpServer running = server;
        if (running != null) {
            running.stop(0);
            server = null;
        }
    }

    /** Answers again, on the same port. */
    public void restart() {
        if (server == null) {
            startServer();
        }
    }

    @Override
    public void close() {
        stop();
        executor.shutdownNow();
    }

    /** Handles one request; {@code body} is the decoded JSON object ({@code {}} when there is none). */
    protected abstract Answer answer(String method, String path, String query, Map<String, Object> body);

    /** Paths answered without the internal secret (e.g. a JWK Set), with their raw body. */
    protected String publicDocument(String path) {
        return null;
    }

    private void dispatch(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String document = publicDocument(path);
            if (document != null) {
                respond(exchange, 200, document);
                return;
            }
            if (!internalSecret.equals(exchange.getRequestHeaders().getFirst(InternalConfiguration.HEADER))) {
                respond(exchange, 403, envelope(new Answer(403, "00000", Map.of())));
                return;
            }
            Map<String, Object> body = readBody(exchange);
            Answer answer = answer(exchange.getRequestMethod(), path, exchange.getRequestURI().getQuery(), body);
            respond(exchange, answer.status(), envelope(answer));
        } catch (RuntimeException e) {
            respond(exchange, 500, envelope(new Answer(500, "00002", Map.of())));
        }
    }

    private static Map<String, Object> readBody(HttpExchange exchange) throws IOException {
        String text = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (text.isBlank()) {
            return Map.of();
        }
        try {
            return JSONObjectUtils.parse(text);
        } catch (ParseException e) {
            throw new IllegalArgumentException("not JSON: " + text, e);
        }
    }

    private static String envelope(Answer answer) {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("status", answer.status());
        envelope.put("code", answer.code());
        envelope.put("result", answer.status() == 200 ? "OK" : "Refused");
        envelope.put("data", answer.data());
        return JSONObjectUtils.toJSONString(envelope);
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
