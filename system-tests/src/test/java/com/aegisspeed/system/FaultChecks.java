package com.aegisspeed.system;

import com.aegisspeed.testsupport.FreshSchema;
import com.aegisspeed.testsupport.TestHttp;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * What the fault and concurrency tests share: timed calls, calls fired at once, the envelope every answer
 * must be, polling with a bound, and counting what really reached a service's schema.
 */
final class FaultChecks {

    /** The envelope shapes of docs/contract.md: standard, token-issuing, availability check. */
    private static final Set<Set<String>> ENVELOPE_KEYS = Set.of(
            Set.of("status", "code", "result", "data"),
            Set.of("status", "code", "result", "data", "token"),
            Set.of("status", "code", "info", "result"));

    private FaultChecks() {
    }

    /** One answer and how long the client waited for it. */
    record Timed(String what, TestHttp.Reply reply, Duration took) {

        int status() {
            return reply.status();
        }

        String code() {
            return String.valueOf(reply.envelope().get("code"));
        }

        @Override
        public String toString() {
            return what + " -> " + reply.status() + " " + reply.body() + " in " + took.toMillis() + " ms";
        }
    }

    static Timed timed(String what, Supplier<TestHttp.Reply> call) {
        long start = System.nanoTime();
        TestHttp.Reply reply = call.get();
        return new Timed(what, reply, Duration.ofNanos(System.nanoTime() - start));
    }

    /**
     * Runs every call on a thread of its own, all released at the same instant, and answers their results in
     * the order given. Throws what a call threw.
     */
    static <T> List<T> allAtOnce(List<Callable<T>> calls) {
        ExecutorService threads = Executors.newFixedThreadPool(calls.size());
        CountDownLatch ready = new CountDownLatch(calls.size());
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> call : calls) {
                futures.add(threads.submit(() -> {
                    ready.countDown();
                    go.await();
                    return call.call();
                }));
            }
            ready.await();
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a call failed", e.getCause());
        } finally {
            threads.shutdownNow();
        }
    }

    /** The answer is JSON in one of the project's envelopes, its {@code status} field equal to the HTTP status. */
    static Map<String, Object> assertEnvelope(Timed answer) {
        TestHttp.Reply reply = answer.reply();
        assertTrue(reply.contentType().startsWith("application/json"), "not JSON: " + answer);
        Map<String, Object> envelope;
        try {
            envelope = reply.envelope();
        } catch (AssertionError notJson) {
            throw new AssertionError("not an envelope: " + answer, notJson);
        }
        assertTrue(ENVELOPE_KEYS.contains(envelope.keySet()), "not an envelope: " + answer);
        assertEquals(reply.status(), ((Number) envelope.get("status")).intValue(), answer.toString());
        assertTrue(String.valueOf(envelope.get("code")).matches("[0-9]{5}"), answer.toString());
        // What the server did not write itself is left out: the token (a signature's Base64 spells "SQL" by chance
        // about once in a few thousand tokens) and the machine code the client chose (random, and as likely to).
        Map<String, Object> shown = new HashMap<>(envelope);
        shown.remove("token");
        if (shown.get("data") instanceof Map<?, ?> data) {
            Map<Object, Object> written = new HashMap<>(data);
            written.remove("machine_code");
            shown.put("data", written);
        }
        assertTrue(!shown.toString().contains("Exception") && !shown.toString().contains("SQL"), answer.toString());
        return envelope;
    }

    /** Polls until {@code condition} holds; fails naming {@code what} when it has not within {@code bound}. */
    static void await(String what, Duration bound, BooleanSupplier condition) {
        long deadline = System.nanoTime() + bound.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail(what + " did not happen within " + bound);
            }
            pause(Duration.ofMillis(250));
        }
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The values of the first column of {@code sql} run on the schema, read straight from the database. */
    static List<String> query(FreshSchema schema, String sql, String... parameters) {
        try (Connection connection = DriverManager.getConnection(schema.server().jdbcUrl(schema.name()),
                schema.server().user(), schema.server().password());
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            List<String> values = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException("querying " + schema.name() + " failed: " + sql, e);
        }
    }

    static Set<String> queryAll(FreshSchema schema, String sql, String... parameters) {
        return new HashSet<>(query(schema, sql, parameters));
    }
}
