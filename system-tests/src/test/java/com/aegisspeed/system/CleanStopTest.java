package com.aegisspeed.system;

import com.aegisspeed.common.internal.InternalConfiguration;
import com.aegisspeed.testsupport.ServiceProcess;
import com.aegisspeed.testsupport.TestHttp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The stop {@code bin/run} makes (SIGTERM to all five services at once) while requests keep arriving, on the
 * embedded H2 databases a local run uses: every request that is answered is answered without a server error,
 * and no service logs an ERROR. The database must close after the last request, not when the JVM begins to
 * exit while requests are still in flight.
 */
class CleanStopTest {

    private static final Pattern ERROR_LINE = Pattern.compile("^\\S+ \\S+ ERROR .*");
    private static final int CLIENTS_PER_SERVICE = 2;

    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();

    @AfterEach
    void stopWhatIsLeft() {
        services.values().forEach(ServiceProcess::close);
    }

    @Test
    void servicesStoppedUnderLoadAnswerNoServerErrorAndLogNoError(@TempDir Path dataDir) throws Exception {
        String secret = "clean-stop-" + UUID.randomUUID();
        launchOnEmbeddedH2(dataDir, secret);
        List<Path> logs = services.values().stream().map(ServiceProcess::log).toList();
        Map<Path, Long> logLinesBefore = new HashMap<>();
        for (Path log : logs) {
            logLinesBefore.put(log, lineCount(log));
        }

        AtomicBoolean stopping = new AtomicBoolean();
        AtomicInteger answeredWhileStopping = new AtomicInteger();
        ConcurrentLinkedQueue<String> serverErrors = new ConcurrentLinkedQueue<>();
        List<Thread> clients = new ArrayList<>();
        for (ServiceProcess service : services.values()) {
            for (int i = 0; i < CLIENTS_PER_SERVICE; i++) {
                Thread client = new Thread(() -> load(service, secret, stopping, answeredWhileStopping, serverErrors),
                        "clean-stop-load-" + service.module() + "-" + i);
                client.start();
                clients.add(client);
            }
        }
        Thread.sleep(1_500);

        stopping.set(true);
        CompletableFuture.allOf(services.values().stream()
                .map(service -> CompletableFuture.runAsync(service::stop)).toArray(CompletableFuture[]::new)).join();
        for (Thread client : clients) {
            client.join();
        }

        assertEquals(List.of(), List.copyOf(serverErrors), "server errors while stopping");
        assertTrue(answeredWhileStopping.get() > 0, "no request was answered while the services stopped");
        Map<String, List<String>> errors = new LinkedHashMap<>();
        for (Path log : logs) {
            List<String> lines = Files.readAllLines(log);
            List<String> found = lines.subList(logLinesBefore.get(log).intValue(), lines.size()).stream()
                    .filter(line -> ERROR_LINE.matcher(line).matches() || line.contains("already closed")).toList();
            if (!found.isEmpty()) {
                errors.put(log.getFileName().toString(), found);
            }
        }
        assertEquals(Map.of(), errors, "ERROR lines logged while stopping");
    }

    /** Database-backed requests until the service no longer answers: readiness, and auth's revocation feed. */
    private static void load(ServiceProcess service, String secret, AtomicBoolean stopping,
                             AtomicInteger answeredWhileStopping, ConcurrentLinkedQueue<String> serverErrors) {
        boolean auth = service.module().equals("auth-service");
        int unanswered = 0;
        while (unanswered < 20) {
            boolean duringStop = stopping.get();
            try {
                TestHttp.Reply reply = auth
                        ? service.http().send(HttpRequest.newBuilder(service.http().uri("/internal/revocations?after=0"))
                                .header(InternalConfiguration.HEADER, secret).GET())
                        : service.http().get("/health/readiness");
                if (reply.status() >= 500) {
                    serverErrors.add(service.module() + ": " + reply.status() + " " + reply.body());
                }
                if (duringStop) {
                    answeredWhileStopping.incrementAndGet();
                }
            } catch (RuntimeException notListening) {
                // Refused or closed once the service has stopped listening: not an answer, and not an error.
                if (duringStop) {
                    unanswered++;
                }
                pause();
            }
        }
    }

    private void launchOnEmbeddedH2(Path dataDir, String secret) {
        Map<String, Integer> ports = new HashMap<>();
        Suite.MODULES.forEach(module -> ports.put(module, ServiceProcess.freePort()));
        Map<String, String> env = new HashMap<>();
        env.put("AEGIS_INTERNAL_SECRET", secret);
        env.put("AEGIS_DATA_DIR", dataDir.toString());
        env.put("AEGIS_USER_URL", "http://127.0.0.1:" + ports.get("user-service"));
        env.put("AEGIS_AUTH_URL", "http://127.0.0.1:" + ports.get("auth-service"));
        env.put("AEGIS_MACHINE_URL", "http://127.0.0.1:" + ports.get("machine-service"));
        env.put("AEGIS_ANTICHEAT_URL", "http://127.0.0.1:" + ports.get("anticheat-service"));
        // user- and auth-service first, as bin/run's readiness order has it: the others fetch auth's keys.
        for (List<String> wave : List.of(Suite.MODULES.subList(0, 2), Suite.MODULES.subList(2, Suite.MODULES.size()))) {
            wave.forEach(module -> services.put(module, ServiceProcess.launch(module, ports.get(module), env)));
            wave.forEach(module -> services.get(module).awaitReady());
        }
    }

    private static long lineCount(Path log) throws IOException {
        return Files.exists(log) ? Files.readAllLines(log).size() : 0;
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
