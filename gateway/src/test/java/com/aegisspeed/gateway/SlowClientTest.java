package com.aegisspeed.gateway;

import com.aegisspeed.gateway.connections.SlowClientGuard;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Slow and greedy clients cannot hold the gateway's connections: a request head trickled a byte at a time is cut
 * off at the head deadline, and one address gets a bounded number of open connections. The test's loopback
 * connections are made untrusted here, as a client's would be.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SlowClientTest {

    private static final int MAX_CONNECTIONS = 3;

    private GatewayUnderTest suite;
    private int port;

    @BeforeAll
    void start() {
        suite = GatewayUnderTest.start(Map.of(
                "aegis.trusted-proxies", "192.0.2.0/24",
                "aegis.gateway.request-head-timeout", "1s",
                "aegis.gateway.max-connections-per-address", MAX_CONNECTIONS));
        port = suite.gateway.context().getBean(EmbeddedServer.class).getPort();
    }

    @AfterAll
    void stop() {
        suite.close();
    }

    @Test
    void aRequestHeadSentAByteAtATimeIsCutOffAtTheDeadline() throws Exception {
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            long started = System.nanoTime();
            boolean closed = false;
            String head = "GET /verify/verify_client_version_number HTTP/1.1\r\nHost: localhost\r\nX-Padding: "
                    + "a".repeat(200);
            for (byte b : head.getBytes(StandardCharsets.US_ASCII)) {
                try {
                    out.write(b);
                    out.flush();
                } catch (IOException e) {
                    closed = true;
                    break;
                }
                if (serverClosed(socket, 100)) {
                    closed = true;
                    break;
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            assertTrue(closed, "the connection was still open after the whole slow head");
            assertTrue(seconds >= 0.9 && seconds < 5, "closed after " + seconds + " s");
        }
    }

    @Test
    void aWholeRequestHeadInTimeIsAnsweredAsUsual() throws IOException {
        try (Socket socket = connect()) {
            assertEquals(200, statusOf(socket, "GET /verify/verify_client_version_number"));
            assertEquals(200, statusOf(socket, "GET /verify/verify_client_version_number"), "keep-alive still works");
        }
    }

    @Test
    void oneAddressGetsABoundedNumberOfOpenConnections() throws IOException, InterruptedException {
        List<Socket> held = new ArrayList<>();
        try {
            for (int i = 0; i < MAX_CONNECTIONS; i++) {
                Socket socket = connect();
                // Answered, so the server has counted it before the next one: connections accepted together are
                // set up on several event loops at once, in no particular order.
                assertEquals(200, statusOf(socket, "GET /verify/verify_client_version_number"));
                held.add(socket);
            }
            try (Socket extra = connect()) {
                assertTrue(serverClosed(extra, 3000), "a connection over the limit is closed");
            }
            held.remove(0).close();
            awaitOpenBelowLimit();
            try (Socket again = connect()) {
                assertEquals(200, statusOf(again, "GET /verify/verify_client_version_number"));
            }
        } finally {
            for (Socket socket : held) {
                socket.close();
            }
        }
    }

    private void awaitOpenBelowLimit() throws InterruptedException {
        SlowClientGuard guard = suite.gateway.context().getBean(SlowClientGuard.class);
        long until = System.nanoTime() + 5_000_000_000L;
        while (guard.openConnections("127.0.0.1") >= MAX_CONNECTIONS && System.nanoTime() < until) {
            Thread.sleep(20);
        }
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(5000);
        return socket;
    }

    /** Whether the server has closed the connection, waiting at most {@code millis} for it. */
    private static boolean serverClosed(Socket socket, int millis) throws IOException {
        int before = socket.getSoTimeout();
        socket.setSoTimeout(millis);
        try {
            return socket.getInputStream().read() == -1;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true; // reset
        } finally {
            socket.setSoTimeout(before);
        }
    }

    private static int statusOf(Socket socket, String requestLine) throws IOException {
        socket.getOutputStream().write((requestLine + " HTTP/1.1\r\nHost: localhost\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        InputStream in = socket.getInputStream();
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int c = in.read();
            if (c == -1) {
                throw new IOException("closed after: " + head);
            }
            head.append((char) c);
        }
        int length = head.toString().lines().filter(line -> line.toLowerCase().startsWith("content-length:"))
                .mapToInt(line -> Integer.parseInt(line.substring(15).trim())).findFirst().orElse(0);
        in.readNBytes(length);
        return Integer.parseInt(head.substring(9, 12));
    }
}
