package com.aegisspeed.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Redis server of the test's own (Debian's {@code redis-server}, which {@code bin/test} installs) on a free
 * loopback port, without persistence: a test may stop it under running services without touching anyone else's.
 */
public final class PrivateRedis implements AutoCloseable {

    private static final Duration READY_WITHIN = Duration.ofSeconds(10);

    private final int port;
    private final Process process;

    private PrivateRedis(int port, Process process) {
        this.port = port;
        this.process = process;
    }

    public static PrivateRedis start() {
        int port = ServiceProcess.freePort();
        try {
            Path dir = Files.createTempDirectory("aegis-redis");
            Process process = new ProcessBuilder(List.of("redis-server", "--port", String.valueOf(port),
                    "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir.toString()))
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("redis.log").toFile())
                    .start();
            PrivateRedis redis = new PrivateRedis(port, process);
            long deadline = System.nanoTime() + READY_WITHIN.toNanos();
            while (!redis.answers()) {
                if (System.nanoTime() > deadline || !process.isAlive()) {
                    redis.close();
                    throw new IllegalStateException("redis-server did not answer on port " + port + " (log in " + dir + ")");
                }
                Thread.sleep(50);
            }
            return redis;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    /** Whether it answers {@code PING}. */
    public boolean answers() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            socket.setSoTimeout(500);
            socket.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            byte[] reply = new byte[5];
            return socket.getInputStream().readNBytes(reply, 0, 5) == 5
                    && "+PONG".equals(new String(reply, StandardCharsets.US_ASCII));
        } catch (IOException e) {
            return false;
        }
    }

    /** Stops it: clients see their connections closed and new ones refused. */
    public void stop() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            stop();
        }
    }
}
