package com.aegisspeed.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micronaut.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stands in for one service behind the gateway, speaking its envelope: answers every request with
 * {@code data} describing what arrived (method, path, query, headers, body, which service), so tests can
 * see exactly what the gateway passed on. It can fail (503), fail only after {@link #LATE} (e.g. past a caller's
 * timeout), hang, or go down and come back.
 */
final class FakeService implements AutoCloseable {

    enum Mode { ECHO, FAIL, LATE_FAIL, HANG }

    static final Duration LATE = Duration.ofSeconds(2);

    static final String ANSWERED_HEADER = "X-Fake-Service";

    private final String name;
    private final JsonMapper json = JsonMapper.createDefault();
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final AtomicInteger hits = new AtomicInteger();
    private final AtomicInteger lateAnswers = new AtomicInteger();
    private final CountDownLatch released = new CountDownLatch(1);
    private volatile Mode mode = Mode.ECHO;
    private volatile Map<String, String> extraHeaders = Map.of();
    private volatile HttpServer server;
    private volatile int port;

    private FakeService(String name) {
        this.name = name;
    }

    static FakeService start(String name) {
        FakeService service = new FakeService(name);
        service.listen();
        return service;
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    void mode(Mode mode) {
        this.mode = mode;
    }

    /** How many late failures ({@link Mode#LATE_FAIL}) it has sent. */
    int lateAnswers() {
        return lateAnswers.get();
    }

    /** From now on every answer also carries these headers. */
    void answerWithHeaders(Map<String, String> headers) {
        this.extraHeaders = Map.copyOf(headers);
    }

    /** Requests that reached this service (readiness probes excluded). */
    int hits() {
        return hits.get();
    }

    /** Refuses connections, as a stopped service does. */
    void stop() {
        server.stop(0);
    }

    /** Answers again on the same port. */
    void restart() {
        listen();
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
        executor.shutdownNow();
    }

    private void listen() {
        try {
            HttpServer created = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
            created.createContext("/", this::answer);
            created.setExecutor(executor);
            created.start();
            port = created.getAddress().getPort();
            server = created;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            boolean probe = exchange.getRequestURI().getPath().equals("/health/readiness");
            if (!probe) {
                hits.incrementAndGet();
            }
            Mode current = mode;
            if (current == Mode.HANG) {
                released.await();
                return;
            }
            if (current == Mode.LATE_FAIL) {
                Thread.sleep(LATE.toMillis());
            }
            int status = current == Mode.ECHO ? 200 : 503;
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("service", name);
            data.put("method", exchange.getRequestMethod());
            data.put("path", exchange.getRequestURI().getRawPath());
            data.put("query", exchange.getRequestURI().getRawQuery());
            Map<String, String> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((header, values) ->
                    headers.put(header.toLowerCase(Locale.ROOT), String.join(",", values)));
            data.put("headers", headers);
            data.put("body", new String(body, StandardCharsets.UTF_8));
            Map<String, Object> envelope = new LinkedHashMap<>();
            envelope.put("status", status);
            envelope.put("code", status == 200 ? "10000" : "00002");
            envelope.put("result", status == 200 ? "echo" : "DOWN");
            envelope.put("data", data);
            byte[] answer = json.writeValueAsBytes(envelope);
            exchange.getResponseHeaders().put("Content-Type", List.of("application/json"));
            exchange.getResponseHeaders().put(ANSWERED_HEADER, List.of(name));
            exchange.getResponseHeaders().put("Keep-Alive", List.of("timeout=5"));
            extraHeaders.forEach((header, value) -> exchange.getResponseHeaders().put(header, List.of(value)));
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
            if (current == Mode.LATE_FAIL) {
                lateAnswers.incrementAndGet();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
