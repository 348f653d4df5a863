package com.aegisspeed.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A MariaDB server process of a test's own, on its own port and data folder, so a test can really stop
 * and restart the database under a running service without disturbing the shared server.
 */
public final class PrivateMariaDb implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    /** Holds the data folder and the logs beside it. */
    private final Path root;
    private final Path dataDir;
    private final int port;
    private Process process;

    private PrivateMariaDb(Path root, int port) {
        this.root = root;
        this.dataDir = root.resolve("data");
        this.port = port;
    }

    public static PrivateMariaDb install() {
        try {
            Path root = Files.createTempDirectory("aegis-private-mariadb");
            Path dataDir = root.resolve("data");
            // A temporary folder of its own: private servers installed side by side collided in the shared /tmp.
            Path tmpDir = Files.createDirectories(root.resolve("tmp"));
            List<String> command = new ArrayList<>(List.of(executable("mariadb-install-db", "mysql_install_db"),
                    "--no-defaults", "--datadir=" + dataDir, "--tmpdir=" + tmpDir,
                    "--auth-root-authentication-method=normal", "--skip-test-db"));
            command.addAll(runAsRootIfRoot());
            run(command, root.resolve("install.log"));
            PrivateMariaDb db = new PrivateMariaDb(root, freePort());
            db.start();
            return db;
        } catch (IOException e) {
            throw new IllegalStateException("Could not install a private MariaDB (bin/test installs mariadb-server)", e);
        }
    }

    public MariaDbServer server() {
        return new MariaDbServer("127.0.0.1", port, "root", "");
    }

    public void start() {
        List<String> command = new ArrayList<>(List.of(executable("mariadbd", "mysqld"),
                "--no-defaults", "--datadir=" + dataDir, "--tmpdir=" + root.resolve("tmp"), "--port=" + port,
                "--bind-address=127.0.0.1",
                "--socket=" + dataDir.resolve("mariadbd.sock"), "--pid-file=" + dataDir.resolve("mariadbd.pid"),
                "--skip-name-resolve", "--innodb-buffer-pool-size=32M", "--skip-log-bin"));
        command.addAll(runAsRootIfRoot());
        try {
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(root.resolve("mariadbd.log").toFile()))
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("Could not start mariadbd", e);
        }
        awaitConnectable();
    }

    /** Stops the server as an operator would (SIGTERM) and waits until it has exited. */
    public void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    @Override
    public void close() {
        stop();
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // A leftover temp folder is harmless.
        }
    }

    private void awaitConnectable() {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        SQLException last = null;
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("mariadbd exited; see " + root.resolve("mariadbd.log"));
            }
            try (Connection ignored = DriverManager.getConnection(server().jdbcUrl(""), "root", "")) {
                return;
            } catch (SQLException e) {
                last = e;
                sleep(200);
            }
        }
        throw new IllegalStateException("mariadbd did not accept connections within " + START_TIMEOUT, last);
    }

    private static List<String> runAsRootIfRoot() {
        return "root".equals(System.getProperty("user.name")) ? List.of("--user=root") : List.of();
    }

    private static String executable(String... names) {
        for (String name : names) {
            for (String dir : List.of("/usr/sbin", "/usr/bin", "/usr/local/bin", "/usr/local/sbin")) {
                Path candidate = Path.of(dir, name);
                if (Files.isExecutable(candidate)) {
                    return candidate.toString();
                }
            }
        }
        throw new IllegalStateException("None of " + List.of(names) + " is installed (bin/test installs mariadb-server)");
    }

    private static void run(List<String> command, Path log) throws IOException {
        Process install = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        try {
            if (!install.waitFor(60, TimeUnit.SECONDS) || install.exitValue() != 0) {
                throw new IllegalStateException(command.get(0) + " failed; see " + log);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while installing MariaDB", e);
        }
    }

    private static int freePort() {
        return ServiceProcess.freePort();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
