package com.aegisspeed.common.token;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.net.http.HttpClient;
import java.time.Duration;

/**
 * The JDK HTTP client token checks read auth-service's keys and revocations with ({@link RevocationFeedReader}
 * says why not Micronaut's). Its users take it through a {@code BeanProvider}, so it is built on first use, in
 * the background: building one loads the JDK's TLS defaults, which took 0.13 s of the main thread at start-up.
 */
@Factory
class JdkHttpClientFactory {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

    @Singleton
    HttpClient jdkHttpClient() {
        return HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
    }
}
