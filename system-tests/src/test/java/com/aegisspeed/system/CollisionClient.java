package com.aegisspeed.system;

import com.aegisspeed.testsupport.TestHttp;
import com.aegisspeed.testsupport.TestHttpClients;
import io.micronaut.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One game client of many registering through the gateway from an address of its own (the gateway is told it
 * in {@code X-Real-IP}, as behind an ingress), the way a well-behaved client does: a 429 is repeated no sooner
 * than its {@code Retry-After}, backing off exponentially with a random spread (at most 16 times the
 * {@code Retry-After}), so refused clients neither come back all in the same instant nor keep a busy service
 * busier with retries.
 */
final class CollisionClient {

    private static final Duration GIVE_UP_AFTER = Duration.ofSeconds(120);
    private static final JsonMapper JSON = JsonMapper.createDefault();
    private static final HttpClient HTTP = TestHttpClients.shared();

    private final URI gateway;
    private final String address;

    CollisionClient(URI gateway, String address) {
        this.gateway = gateway;
        this.address = address;
    }

    /** Every answer the client got for one registration, the last one final (anything but 429). */
    record Attempts(List<FaultChecks.Timed> answers) {

        FaultChecks.Timed last() {
            return answers.get(answers.size() - 1);
        }
    }

    Attempts register(Clients.Person person) {
        String body = TestHttp.json(Map.of("user_id", person.idNumber(), "user_name", person.name(),
                "user_phone_number", person.phone(), "user_email", person.email(),
                "user_password", person.password()));
        List<FaultChecks.Timed> answers = new ArrayList<>();
        long deadline = System.nanoTime() + GIVE_UP_AFTER.toNanos();
        while (true) {
            HttpRequest request = HttpRequest.newBuilder(gateway.resolve("/user/register/register_user_info"))
                    .timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/json").header("X-Real-IP", address)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            long start = System.nanoTime();
            HttpResponse<String> response = send(request);
            FaultChecks.Timed answer = new FaultChecks.Timed("register " + person.idNumber(),
                    new TestHttp.Reply(response.statusCode(),
                            response.headers().firstValue("Content-Type").orElse(""), response.body(), JSON),
                    Duration.ofNanos(System.nanoTime() - start));
            answers.add(answer);
            if (response.statusCode() != 429 || System.nanoTime() > deadline) {
                return new Attempts(answers);
            }
            OptionalLong retryAfter = response.headers().firstValueAsLong("Retry-After");
            assertTrue(retryAfter.isPresent() && retryAfter.getAsLong() >= 1, "429 without Retry-After: " + answer);
            assertEquals("00001", answer.code(), answer.toString());
            long waitMillis = retryAfter.getAsLong() * 1000;
            long backOff = waitMillis << Math.min(answers.size(), 4);
            FaultChecks.pause(Duration.ofMillis(ThreadLocalRandom.current().nextLong(waitMillis, backOff + 1)));
        }
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
