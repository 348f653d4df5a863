package com.aegisspeed.machine;

import com.aegisspeed.testsupport.RunningService;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The bind-address setting ({@code AEGIS_BIND_ADDRESS}, which {@code bin/run} sets to 127.0.0.1): a
 * service bound to one address cannot be reached on any other, so clients must come through the gateway. 127.0.0.2
 * stands in for "another interface of this machine" (Linux routes all of 127/8 to loopback).
 */
class BindAddressTest {

    @Test
    void aServiceBoundToOneAddressRefusesConnectionsOnAnother() throws IOException {
        try (RunningService service = RunningService.onFreshSchema(Map.of("micronaut.server.host", "127.0.0.1"))) {
            int port = service.context().getBean(EmbeddedServer.class).getPort();
            connect("127.0.0.1", port);
            assertThrows(ConnectException.class, () -> connect("127.0.0.2", port));
        }
    }

    @Test
    void withoutABindAddressTheServiceListensOnEveryInterface() throws IOException {
        try (RunningService service = RunningService.onFreshSchema(Map.of())) {
            int port = service.context().getBean(EmbeddedServer.class).getPort();
            connect("127.0.0.1", port);
            connect("127.0.0.2", port);
        }
    }

    private static void connect(String host, int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 2000);
        }
    }
}
