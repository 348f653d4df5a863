package com.aegisspeed.system;

import com.aegisspeed.testsupport.TestHttp;
import com.aegisspeed.testsupport.TestHttpClients;
import io.micronaut.json.JsonMapper;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Raw requests as an attacker sends them: any method, any bytes (invalid UTF-8 included), announced or chunked,
 * any headers; the answer with the headers {@link TestHttp.Reply} does not keep ({@code Retry-After}).
 */
final class HostileHttp {

    private static final JsonMapper JSON = JsonMapper.createDefault();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient client = TestHttpClients.http11();
    private final URI base;

    HostileHttp(URI base) {
        this.base = base;
    }

    /** One request. {@code body} null sends none; {@code chunked} streams it without a length. */
    record Request(String method, String pathAndQuery, Map<String, String> headers, byte[] body, boolean chunked) {

        static Request of(String method, String pathAndQuery) {
            return new Request(method, pathAndQuery, new LinkedHashMap<>(), null, false);
        }

        Request header(String name, String value) {
            Map<String, String> headers = new LinkedHashMap<>(this.headers);
            headers.put(name, value);
            return new Request(method, pathAndQuery, headers, body, chunked);
        }

        Request body(byte[] body, boolean chunked) {
            return new Request(method, pathAndQuery, headers, body, chunked);
        }
    }

    /** An answer: status, headers we look at, raw body. */
    record Reply(int status, String contentType, Optional<String> retryAfter, String body) {

        TestHttp.Reply asTestReply() {
            return new TestHttp.Reply(status, contentType, body, JSON);
        }

        Map<String, Object> envelope() {
            return asTestReply().envelope();
        }

        Object code() {
            return envelope().get("code");
        }
    }

    URI base() {
        return base;
    }

    Reply send(Request request) {
        HttpRequest.BodyPublisher publisher;
        if (request.body() == null) {
            publisher = HttpRequest.BodyPublishers.noBody();
        } else if (request.chunked()) {
            byte[] bytes = request.body();
            publisher = HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes));
        } else {
            publisher = HttpRequest.BodyPublishers.ofByteArray(request.body());
        }
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(request.pathAndQuery()))
                .timeout(TIMEOUT).method(request.method(), publisher);
        request.headers().forEach(builder::header);
        try {
            HttpResponse<String> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Retry-After"), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.pathAndQuery() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
