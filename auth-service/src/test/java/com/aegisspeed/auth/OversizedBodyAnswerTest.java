package com.aegisspeed.auth;

import com.aegisspeed.testsupport.RawHttp;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.Socket;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A service (here auth-service, as the gateway forwards to it) answers a body past its 64 KiB limit, announced or
 * chunked, with 413 {@code 00003} and keeps the connection, reading and discarding the rest of the body: had it
 * closed, a client still writing would have its connection reset and lose the answer. Found by system-tests'
 * HostileBodiesTest, whose client lost a 413 that way on a loaded machine.
 */
@ExtendWith(RealUserService.class)
class OversizedBodyAnswerTest {

    private static final int MIB = 1024 * 1024;

    @Test
    void aClientWritingItsWholeOversizedBodyBeforeReadingGetsThe413EnvelopeAndKeepsItsConnection(RealUserService.Running users)
            throws IOException {
        try (AuthHarness harness = AuthHarness.start(users)) {
            int port = harness.service.context().getBean(EmbeddedServer.class).getPort();
            for (boolean chunked : new boolean[] {false, true}) {
                for (int size : new int[] {MIB, 16 * MIB}) {
                    String what = (chunked ? "chunked " : "announced ") + size + " bytes";
                    try (Socket socket = new Socket("127.0.0.1", port)) {
                        socket.setSoTimeout(10_000);
                        RawHttp.sendWholeBody(socket.getOutputStream(), "/user/login/login_user_info", size, chunked);
                        String answer = RawHttp.readAnswer(socket.getInputStream());
                        assertTrue(answer.startsWith("HTTP/1.1 413"), what + ": " + answer);
                        assertTrue(answer.contains("\"code\":\"00003\""), what + ": " + answer);
                        assertFalse(answer.toLowerCase(Locale.ROOT).contains("connection: close"), what + ": " + answer);

                        RawHttp.sendGet(socket.getOutputStream(), "/user/login/login_user_info");
                        String next = RawHttp.readAnswer(socket.getInputStream());
                        assertTrue(next.startsWith("HTTP/1.1 405"), what + ", the next request on the connection: " + next);
                    }
                }
            }
        }
    }
}
