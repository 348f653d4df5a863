package com.aegisspeed.gateway;

import com.aegisspeed.testsupport.RawHttp;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.Socket;

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
                        RawHttp.sendWholeBody(socket.getOutputStream(), "/user/register/register_user_info", size, chunked);
                        String answer = RawHttp.readAnswer(socket.getInputStream());
                        assertTrue(answer.startsWith("HTTP/1.1 413"), what + ": " + answer);
                        assertTrue(answer.contains("\"code\":\"00003\""), what + ": " + answer);

                        RawHttp.sendGet(socket.getOutputStream(), "/verify/verify_client_version_number");
                        String next = RawHttp.readAnswer(socket.getInputStream());
                        assertTrue(next.startsWith("HTTP/1.1 200"), what + ", the next request: " + next);
                    }
                }
            }
        }
    }
}
