package com.aegisspeed.testsupport;

import java.net.http.HttpClient;
import java.time.Duration;

/**
 * The JDK HTTP clients all tests of one JVM share. Each {@link HttpClient} owns a selector thread that lives
 * until the client is garbage-collected, which a test JVM with a large heap may never do: a client per request
 * piled up hundreds of threads until thread creation failed under a process limit and a request never
 * returned. Test code takes its client from here instead of building one.
 */
public final class TestHttpClients {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);

    private static final HttpClient DEFAULT = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
    private static final HttpClient HTTP_1_1 = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(CONNECT_TIMEOUT).build();

    private TestHttpClients() {
    }

    /** The client with the JDK's defaults (HTTP/2 preferred, HTTP/1.1 where the server does not upgrade). */
    public static HttpClient shared() {
        return DEFAULT;
    }

    /** The client that speaks HTTP/1.1 only, for tests that control the exact bytes of a request. */
    public static HttpClient http11() {
        return HTTP_1_1;
    }
}
