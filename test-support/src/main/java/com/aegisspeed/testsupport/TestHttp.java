package com.aegisspeed.testsupport;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * Raw HTTP against a running service: sends exactly the bytes a test gives (broken JSON included) and
 * reads any answer without throwing on error statuses.
 */
public final class TestHttp {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient client = TestHttpClients.shared();
    private static final JsonMapper JSON = JsonMapper.createDefault();

    private final JsonMapper json = JSON;
    private final URI base;

    public TestHttp(URI base) {
        this.base = base;
    }

    /** {@code value} (a map, list or record) as a JSON request body. */
    public static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI uri(String path) {
        return base.resolve(path);
    }

    public Reply get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    public Reply head(String path) {
        return send(HttpRequest.newBuilder(uri(path)).method("HEAD", HttpRequest.BodyPublishers.noBody()));
    }

    public Reply post(String path, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request);
    }

    public Reply postJson(String path, String body) {
        return post(path, "application/json", body);
    }

    /** A GET whose request line carries {@code rawTarget} byte for byte, even where it is not a valid URI. */
    public Reply rawGet(String rawTarget) {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout((int) TIMEOUT.toMillis());
            socket.getOutputStream().write(("GET " + rawTarget + " HTTP/1.1\r\nHost: " + base.getHost()
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int headersEnd = response.indexOf("\r\n\r\n");
            String head = response.substring(0, headersEnd).toLowerCase(Locale.ROOT);
            String contentType = head.lines().filter(line -> line.startsWith("content-type:"))
                    .map(line -> line.substring("content-type:".length()).trim()).findFirst().orElse("");
            int status = Integer.parseInt(head.substring(9, 12));
            return new Reply(status, contentType, response.substring(headersEnd + 4), json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Reply send(HttpRequest.Builder request) {
        return reply(exchange(request));
    }

    /** The whole answer, headers included, for a test that checks one; {@link #reply} reads its envelope. */
    public HttpResponse<String> exchange(HttpRequest.Builder request) {
        HttpRequest built = request.timeout(TIMEOUT).build();
        try {
            return client.send(built, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(built.method() + " " + built.uri() + " got no answer: " + causes(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The whole chain, e.g. whether "received no bytes" was an orderly close or a reset. */
    private static String causes(Throwable failure) {
        StringBuilder chain = new StringBuilder(failure.toString());
        for (Throwable cause = failure.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            chain.append(" <- ").append(cause);
        }
        return chain.toString();
    }

    public Reply reply(HttpResponse<String> response) {
        return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.body(), json);
    }

    /** One answer: its status, content type, raw body, and the body as a JSON object. */
    public record Reply(int status, String contentType, String body, JsonMapper json) {

        public Map<String, Object> envelope() {
            try {
                return json.readValue(body, Argument.mapOf(String.class, Object.class));
            } catch (IOException e) {
                throw new AssertionError("Not a JSON object (status " + status + "): " + body, e);
            }
        }

        @SuppressWarnings("unchecked")
        public Map<String, Object> data() {
            return (Map<String, Object>) envelope().get("data");
        }
    }
}
