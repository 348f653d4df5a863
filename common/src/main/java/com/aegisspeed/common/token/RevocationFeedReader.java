package com.aegisspeed.common.token;

import com.aegisspeed.common.internal.InternalConfiguration;
import com.aegisspeed.common.internal.InternalReply;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Reads auth-service's revocation feed with the JDK's HTTP client rather than Micronaut's: the first read
 * happens while a request's token is checked ({@link TokenClaimsValidator}) inside micronaut-security's reactive
 * filter, and the JDK's client blocks only the thread that calls it, never one of Netty's event loops.
 */
@Singleton
public class RevocationFeedReader {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final Argument<InternalReply<RevocationFeed>> REPLY = InternalReply.typeOf(RevocationFeed.class);

    private final URI authUrl;
    private final InternalConfiguration internal;
    private final JsonMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    public RevocationFeedReader(@Value("${micronaut.http.services.auth.url}") URI authUrl,
                                InternalConfiguration internal, JsonMapper json) {
        this.authUrl = authUrl;
        this.internal = internal;
        this.json = json;
    }

    /** @throws RuntimeException when the feed cannot be read */
    public RevocationFeed read(long after) {
        HttpRequest.Builder request = HttpRequest.newBuilder(authUrl.resolve("/internal/revocations?after=" + after))
                .timeout(TIMEOUT).GET();
        internal.secret().ifPresent(secret -> request.header(InternalConfiguration.HEADER, secret));
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("revocation feed answered HTTP " + response.statusCode());
            }
            return json.readValue(response.body(), REPLY).data();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
