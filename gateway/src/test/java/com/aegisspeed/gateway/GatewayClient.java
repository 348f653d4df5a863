package com.aegisspeed.gateway;

import com.aegisspeed.testsupport.TestHttpClients;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** Raw HTTP against the gateway that, unlike {@code TestHttp}, also shows the answer's headers. */
final class GatewayClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient client = TestHttpClients.shared();
    private final JsonMapper json = JsonMapper.createDefault();
    private final URI base;

    GatewayClient(URI base) {
        this.base = base;
    }

    HttpRequest.Builder request(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT);
        if (headers.length > 0) {
            request.headers(headers);
        }
        return request;
    }

    Answer get(String path, String... headers) {
        return send(request(path, headers).GET());
    }

    Answer postJson(String path, String body, String... headers) {
        return send(request(path, headers).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers(), response.body(), json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    record Answer(int status, HttpHeaders headers, String body, JsonMapper json) {

        Map<String, Object> envelope() {
            try {
                return json.readValue(body, Argument.mapOf(String.class, Object.class));
            } catch (IOException e) {
                throw new AssertionError("Not a JSON object (status " + status + "): " + body, e);
            }
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> data() {
            return (Map<String, Object>) envelope().get("data");
        }

        String code() {
            return (String) envelope().get("code");
        }

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        /** What the fake service saw: the request as the gateway passed it on. */
        @SuppressWarnings("unchecked")
        Map<String, String> forwardedHeaders() {
            return (Map<String, String>) data().get("headers");
        }
    }
}
