package com.aegisspeed.gateway;

import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A client that sends its whole oversized body before it reads (most HTTP libraries do), announced or chunked, gets
 * the 413 {@code 00003} answer rather than a broken pipe: the gateway reads and discards the rest of the body, and
 * the connection then serves the client's next request.
 */
class OversizedBodyAnswerTest {

    private static final int MIB = 1024 * 1024;

    @Test
    void aClientWritingItsWholeOversizedBodyBeforeReadingGetsThe413EnvelopeAndKeepsItsConnection() throws IOException {
        try (GatewayUnderTest suite = GatewayUnderTest.start()) {
            int port = suite.gateway.context().getBean(EmbeddedServer.class).getPort();
            for (boolean chunked : new boolean[] {false, true}) {
                for (int size : new int[] {MIB, 16 * MIB}) {
                    String what = (chunked ? "chunked " : "announced ") + size + " bytes";
                    try (Socket socket = new Socket("127.0.0.1", port)) {
                        socket.setSoTimeout(10_000);
                        sendWhole(socket.getOutputStream(), size, chunked);
                        String answer = readAnswer(socket.getInputStream());
                        assertTrue(answer.startsWith("HTTP/1.1 413"), what + ": " + answer);
                        assertTrue(answer.contains("\"code\":\"00003\""), what + ": " + answer);

                        socket.getOutputStream().write(("GET /verify/verify_client_version_number HTTP/1.1\r\n"
                                + "Host: localhost\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                        String next = readAnswer(socket.getInputStream());
                        assertTrue(next.startsWith("HTTP/1.1 200"), what + ", the next request: " + next);
                    }
                }
            }
        }
    }

    /** The request head and all of the body, written before anything is read. */
    private static void sendWhole(OutputStream out, int size, boolean chunked) throws IOException {
        out.write(("POST /user/register/register_user_info HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + (chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + size + "\r\n") + "\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        byte[] chunk = new byte[16 * 1024];
        Arrays.fill(chunk, (byte) 'x');
        byte[] chunkHead = (Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        for (int sent = 0; sent < size; sent += chunk.length) {
            if (chunked) {
                out.write(chunkHead);
            }
            out.write(chunk);
            if (chunked) {
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
        }
        if (chunked) {
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.flush();
    }

    /** One answer: its head and as many body bytes as its Content-Length says. */
    private static String readAnswer(InputStream in) throws IOException {
        ByteArrayOutputStream read = new ByteArrayOutputStream();
        int contentLength = 0;
        int headEnd = -1;
        while (headEnd < 0 || read.size() < headEnd + contentLength) {
            int b = in.read();
            if (b == -1) {
                return read.toString(StandardCharsets.UTF_8) + " <closed>";
            }
            read.write(b);
            if (headEnd < 0 && read.size() >= 4 && read.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                headEnd = read.size();
                for (String line : read.toString(StandardCharsets.ISO_8859_1).split("\r\n")) {
                    if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                        contentLength = Integer.parseInt(line.substring("content-length:".length()).trim());
                    }
                }
            }
        }
        return read.toString(StandardCharsets.UTF_8);
    }
}
