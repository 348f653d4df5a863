package com.aegisspeed.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * One service started the way it runs in production: its shaded jar ({@code mvn package}) in a JVM of its own,
 * configured only through environment variables. For tests of several services together, and of faults
 * (stopping or killing a service) that an in-JVM service cannot play.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final Duration READY_WITHIN = Duration.ofSeconds(90);
    private static final List<String> JVM_OPTIONS = List.of(
            "-Xmx192m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k");

    private final String module;
    private final Map<String, String> environment;
    private final int port;
    private final int managementPort;
    private final Path log;
    private final TestHttp http;
    private final TestHttp managementHttp;
    private Process process;

    private ServiceProcess(String module, Map<String, String> environment, int port) {
        this.module = module;
        this.port = port;
        // Probes answer only on the management port: a free one unless the caller chose it (restarts keep it).
        Map<String, String> env = new HashMap<>(environment);
        env.computeIfAbsent("AEGIS_MANAGEMENT_PORT", unset -> String.valueOf(freePort()));
        this.environment = Map.copyOf(env);
        this.managementPort = Integer.parseInt(this.environment.get("AEGIS_MANAGEMENT_PORT"));
        this.log = repositoryRoot().resolve(module).resolve("target/service-process-" + port + ".log");
        this.http = new TestHttp(uri());
        this.managementHttp = new TestHttp(managementUri());
    }

    /** Below Linux's ephemeral range (32768 and up), which outgoing connections draw their local ports from. */
    private static final int LISTEN_PORTS_FROM = 20_000;
    private static final int LISTEN_PORTS_UNTIL = 32_000;
    /**
     * Every port this JVM has handed out. A port is free when checked but taken only when its service binds it, so
     * without this two services of one suite could be given the same port, and the later one would fail to start.
     */
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    /**
     * A free port, for services that must know each other's addresses before they start. It is picked below the
     * ephemeral range: a port there that was free a moment ago can meanwhile be the local port of any outgoing
     * connection (a database or HTTP client), and the service's bind then fails.
     */
    public static int freePort() {
        for (int attempt = 0; attempt < 200; attempt++) {
            int candidate = ThreadLocalRandom.current().nextInt(LISTEN_PORTS_FROM, LISTEN_PORTS_UNTIL);
            if (HANDED_OUT.contains(candidate)) {
                continue;
            }
            try (ServerSocket socket = new ServerSocket()) {
                socket.setReuseAddress(false);
                socket.bind(new InetSocketAddress(candidate));
            } catch (IOException taken) {
                continue; // another listener has it; try the next
            }
            if (HANDED_OUT.add(candidate)) {
                return candidate;
            }
        }
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts {@code module} (e.g. {@code user-service}) on {@code port} and waits until it is ready. */
    public static ServiceProcess start(String module, int port, Map<String, String> environment) {
        ServiceProcess service = new ServiceProcess(module, Map.copyOf(environment), port);
        service.launch();
        service.awaitReady();
        return service;
    }

    /** Starts without waiting: several services may then start side by side. Call {@link #awaitReady()}. */
    public static ServiceProcess launch(String module, int port, Map<String, String> environment) {
        ServiceProcess service = new ServiceProcess(module, Map.copyOf(environment), port);
        service.launch();
        return service;
    }

    private void launch() {
        Path jar = repositoryRoot().resolve(module).resolve("target/" + module + "-0.1.0-SNAPSHOT.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: the reactor builds it (mvn package) before this test");
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(JVM_OPTIONS);
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("AEGIS_"));
        env.putAll(environment);
        env.put("AEGIS_PORT", String.valueOf(port));
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs {@code module} as a one-off command (e.g. {@code AEGIS_MIGRATE_ONLY=true}) and waits for it to exit.
     * Returns the exit code and the log it wrote.
     */
    public static Finished runToExit(String module, Map<String, String> environment, Duration within) {
        ServiceProcess run = new ServiceProcess(module, Map.copyOf(environment), freePort());
        run.launch();
        try {
            if (!run.process.waitFor(within.toSeconds(), TimeUnit.SECONDS)) {
                run.process.destroyForcibly().waitFor();
                throw new IllegalStateException(module + " still running after " + within + "; the end of its log:\n" + run.tail());
            }
            return new Finished(run.process.exitValue(), Files.readString(run.log), run.port, run.managementPort);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How a one-off run ended: its exit code, its whole log, and the ports it was given. */
    public record Finished(int exitCode, String log, int port, int managementPort) {
    }

    public void awaitReady() {
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(module + " exited while starting; the end of its log:\n" + tail());
            }
            try {
                if (managementHttp.get("/health/readiness").status() == 200) {
                    return;
                }
            } catch (RuntimeException notListeningYet) {
                // keep polling
            }
            pause();
        }
        throw new IllegalStateException(module + " not ready within " + READY_WITHIN + "; the end of its log:\n" + tail());
    }

    public String module() {
        return module;
    }

    public int port() {
        return port;
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public TestHttp http() {
        return http;
    }

    /** Probes, {@code /prometheus} and {@code /openapi/**}: the only port they answer on. */
    public TestHttp managementHttp() {
        return managementHttp;
    }

    public int managementPort() {
        return managementPort;
    }

    public URI managementUri() {
        return URI.create("http://127.0.0.1:" + managementPort);
    }

    public Path log() {
        return log;
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** SIGTERM, then waits for the graceful shutdown to finish. */
    public void stop() {
        end(false);
    }

    /** SIGKILL: the process dies mid-work, as on a node failure. */
    public void kill() {
        end(true);
    }

    /** Starts the same service again, same port and settings, and waits until it is ready. */
    public void restart() {
        if (isAlive()) {
            stop();
        }
        launch();
        awaitReady();
    }

    @Override
    public void close() {
        if (isAlive()) {
            stop();
        }
    }

    private void end(boolean forcibly) {
        if (process == null) {
            return;
        }
        if (forcibly) {
            process.destroyForcibly();
        } else {
            process.destroy();
        }
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The checkout: the nearest folder up from the working directory that holds {@code bin/run}. */
    public static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("bin/run"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no bin/run above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    /** The environment variables that point a service at a fresh schema: the same ones production uses. */
    public static Map<String, String> databaseEnvironment(FreshSchema schema) {
        Map<String, String> env = new HashMap<>();
        env.put("AEGIS_DB_URL", schema.server().jdbcUrl(schema.name()));
        env.put("AEGIS_DB_USER", schema.server().user());
        env.put("AEGIS_DB_PASSWORD", schema.server().password());
        return env;
    }
}
