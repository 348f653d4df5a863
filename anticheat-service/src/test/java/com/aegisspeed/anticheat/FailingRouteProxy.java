package com.aegisspeed.anticheat;

import com.aegisspeed.testsupport.TestHttpClients;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Sits in front of a test neighbour (auth or user stand-in) and passes every call through, except the one
 * route a test breaks: that call then fails as an overloaded or crashing service fails (HTTP 503), after the
 * calls before it in the same operation succeeded. Lets a test fail the second step of a multi-step operation.
 */
final class FailingRouteProxy implements AutoCloseable {

    private static final List<String> FORWARDED_HEADERS = List.of("X-Aegis-Internal", "Content-Type", "Accept");

    private final URI target;
    private final HttpClient client = TestHttpClients.shared();
    private final HttpServer server;
    private volatile String brokenMethod;
    private volatile String brokenPathSuffix;

    private FailingRouteProxy(URI target) {
        this.target = target;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::forward);
        server.start();
    }

    static FailingRouteProxy to(URI target) {
        return new FailingRouteProxy(target);
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** From now on, {@code method} calls to paths ending in {@code pathSuffix} fail with 503. */
    void breakRoute(String method, String pathSuffix) {
        brokenMethod = method;
        brokenPathSuffix = pathSuffix;
    }

    void heal() {
        brokenMethod = null;
        brokenPathSuffix = null;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            if (method.equals(brokenMethod) && brokenPathSuffix != null && path.endsWith(brokenPathSuffix)) {
                respond(exchange, 503, "{\"status\":503,\"code\":\"00002\",\"result\":\"Service unavailable\",\"data\":{}}");
                return;
            }
            String query = exchange.getRequestURI().getRawQuery();
            HttpRequest.Builder request = HttpRequest.newBuilder(target.resolve(
                            exchange.getRequestURI().getRawPath() + (query == null ? "" : "?" + query)))
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(exchange.getRequestBody().readAllBytes()));
            for (String header : FORWARDED_HEADERS) {
                String value = exchange.getRequestHeaders().getFirst(header);
                if (value != null) {
                    request.header(header, value);
                }
            }
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            respond(exchange, response.statusCode(), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            respond(exchange, 502, "{}");
        } catch (IOException e) {
            respond(exchange, 502, "{}");
        }
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
