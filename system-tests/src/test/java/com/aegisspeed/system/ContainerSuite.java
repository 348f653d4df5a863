package com.aegisspeed.system;

import com.aegisspeed.testsupport.FreshSchema;
import com.aegisspeed.testsupport.MariaDbServer;
import com.aegisspeed.testsupport.ServiceProcess;
import com.aegisspeed.testsupport.TestHttp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The five services from their images, as the manifests run them: Podman containers of the images
 * deploy/scripts/build-local-images.sh builds from deploy/docker, as user 10001 with a read-only root filesystem,
 * a tmpfs /tmp and a 512 MiB memory limit, each on its own fresh MariaDB schema. They share the host's network
 * (loopback only), where the test's MariaDB answers; clients use {@link #gateway()}.
 */
final class ContainerSuite implements AutoCloseable {

    static final String TAG = "system-test";
    static final String MEMORY_LIMIT = "512m";
    static final Duration GRACE = Duration.ofSeconds(30);
    private static final Duration READY_WITHIN = Duration.ofSeconds(120);

    /** An image deploy/scripts/build-local-images.sh built: its size and build time. */
    record Image(String module, String name, long sizeMb, long buildMillis) {
    }

    /** A running container: its name and ports, and how long it took from `podman run` to ready. */
    record Container(String module, String name, int port, int managementPort, long readyMillis) {
        TestHttp http() {
            return new TestHttp(URI.create("http://127.0.0.1:" + port));
        }

        TestHttp managementHttp() {
            return new TestHttp(URI.create("http://127.0.0.1:" + managementPort));
        }
    }

    private final Map<String, Image> images = new LinkedHashMap<>();
    private final Map<String, Container> containers = new LinkedHashMap<>();
    private final List<FreshSchema> schemas = new ArrayList<>();
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    static ContainerSuite start() {
        ContainerSuite suite = new ContainerSuite();
        try {
            suite.buildImages();
            suite.runAll(MariaDbServer.fromEnvironment());
            return suite;
        } catch (RuntimeException e) {
            suite.close();
            throw e;
        }
    }

    Map<String, Image> images() {
        return images;
    }

    Map<String, Container> containers() {
        return containers;
    }

    TestHttp gateway() {
        return containers.get("gateway").http();
    }

    private void buildImages() {
        Path root = ServiceProcess.repositoryRoot();
        Result built = run(List.of("bash", root.resolve("deploy/scripts/build-local-images.sh").toString(), TAG),
                Duration.ofMinutes(20));
        if (built.exitCode() != 0) {
            throw new IllegalStateException("building the images failed:\n" + built.output());
        }
        for (String line : built.output().split("\n")) {
            // IMAGE <module> <image> size_mb=<n> build_ms=<n>
            String[] fields = line.strip().split(" ");
            if (fields.length == 5 && fields[0].equals("IMAGE")) {
                images.put(fields[1], new Image(fields[1], fields[2], Long.parseLong(fields[3].substring("size_mb=".length())),
                        Long.parseLong(fields[4].substring("build_ms=".length()))));
            }
        }
        if (!images.keySet().containsAll(Suite.MODULES)) {
            throw new IllegalStateException("the build script did not report all five images:\n" + built.output());
        }
    }

    private void runAll(MariaDbServer database) {
        Map<String, Integer> ports = new HashMap<>();
        Map<String, Integer> managementPorts = new HashMap<>();
        Suite.MODULES.forEach(module -> ports.put(module, ServiceProcess.freePort()));
        Suite.MODULES.forEach(module -> managementPorts.put(module, ServiceProcess.freePort()));
        Map<String, String> shared = Suite.sharedEnvironment(ports, managementPorts);
        // Loopback only, both ports: the containers share the host's network.
        shared.put("AEGIS_BIND_ADDRESS", "127.0.0.1");
        shared.put("AEGIS_MANAGEMENT_HOST", "127.0.0.1");
        // user- and auth-service first, as a rollout would: the others fetch auth's keys as they start.
        for (List<String> wave : List.of(Suite.MODULES.subList(0, 2), Suite.MODULES.subList(2, Suite.MODULES.size()))) {
            Map<String, Long> started = new HashMap<>();
            for (String module : wave) {
                FreshSchema schema = database.createFreshSchema();
                schemas.add(schema);
                Map<String, String> env = new HashMap<>(shared);
                env.putAll(ServiceProcess.databaseEnvironment(schema));
                env.putAll(Suite.defaultsOf(module));
                env.put("AEGIS_PORT", String.valueOf(ports.get(module)));
                env.put("AEGIS_MANAGEMENT_PORT", String.valueOf(managementPorts.get(module)));
                String name = "aegis-" + module + "-" + run;
                List<String> command = new ArrayList<>(List.of("podman", "run", "--detach", "--name", name,
                        "--network", "host", "--read-only", "--tmpfs", "/tmp:rw,size=64m,mode=1777",
                        "--memory", MEMORY_LIMIT, "--user", "10001:10001"));
                env.forEach((key, value) -> command.addAll(List.of("--env", key + "=" + value)));
                command.add(images.get(module).name());
                started.put(module, System.nanoTime());
                Result result = run(command, Duration.ofMinutes(2));
                if (result.exitCode() != 0) {
                    throw new IllegalStateException("podman run " + module + " failed:\n" + result.output());
                }
                containers.put(module, new Container(module, name, ports.get(module), managementPorts.get(module), -1));
            }
            for (String module : wave) {
                Container container = containers.get(module);
                awaitReady(container);
                containers.put(module, new Container(module, container.name(), container.port(),
                        container.managementPort(), (System.nanoTime() - started.get(module)) / 1_000_000));
            }
        }
    }

    private void awaitReady(Container container) {
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (container.managementHttp().get("/health/readiness").status() == 200) {
                    return;
                }
            } catch (RuntimeException notListeningYet) {
                // keep polling
            }
            if (!"running".equals(inspect(container.name(), "{{.State.Status}}"))) {
                throw new IllegalStateException(container.module() + " stopped while starting:\n" + logs(container.name()));
            }
            sleep(Duration.ofMillis(200));
        }
        throw new IllegalStateException(container.module() + " not ready within " + READY_WITHIN + ":\n" + logs(container.name()));
    }

    /** A value of `podman inspect` for the container, e.g. {@code {{.Config.User}}}. */
    String inspect(String container, String format) {
        Result result = run(List.of("podman", "inspect", "--format", format, container), Duration.ofSeconds(30));
        return result.output().strip();
    }

    String logs(String container) {
        return run(List.of("podman", "logs", container), Duration.ofSeconds(30)).output();
    }

    /** Sends SIGTERM and waits up to the grace period, as the kubelet does; returns how long the stop took. */
    Duration stop(String container) {
        long started = System.nanoTime();
        Result result = run(List.of("podman", "stop", "--time", String.valueOf(GRACE.toSeconds()), container),
                GRACE.plusSeconds(30));
        if (result.exitCode() != 0) {
            throw new IllegalStateException("podman stop " + container + " failed:\n" + result.output());
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }

    @Override
    public void close() {
        for (Container container : containers.values()) {
            run(List.of("podman", "rm", "--force", "--time", "5", container.name()), Duration.ofMinutes(1));
        }
        schemas.forEach(FreshSchema::close);
    }

    record Result(int exitCode, String output) {
    }

    /** Runs a command with bin/lib/containers.sh's Podman settings (runc, raised limits). */
    static Result run(List<String> command, Duration within) {
        try {
            Path output = Files.createTempFile("aegis-podman", ".log");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(output.toFile());
            builder.environment().put("CONTAINERS_CONF",
                    Path.of(System.getProperty("user.home"), ".cache/aegisspeed/containers.conf").toString());
            Process process = builder.start();
            if (!process.waitFor(within.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                throw new IllegalStateException(String.join(" ", command) + " still running after " + within);
            }
            String text = Files.readString(output, StandardCharsets.UTF_8);
            Files.delete(output);
            return new Result(process.exitValue(), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
