package com.aegisspeed.gateway.proxy;

import com.aegisspeed.common.token.Revocation;
import com.aegisspeed.common.token.RevocationCheck;
import com.aegisspeed.gateway.routes.GatewayErrors;
import com.aegisspeed.gateway.routes.Route;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpHeaders;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import io.micronaut.http.server.HttpServerConfiguration;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Hands a client request to the owning service and its answer back, streaming both bodies. What the client
 * sent about identity or the path through proxies is not trusted: {@code X-Aegis-*}, forwarding headers and
 * hop-by-hop headers are dropped, and the gateway sets {@code X-Forwarded-For} (the one client address it
 * determined) and {@code X-Request-Id}. A service that does not answer (refused, timed out, breaker open)
 * becomes 503 {@code 00002} in the route's envelope. A revocation the service names in its answer
 * ({@link Revocation#HEADER}: it acknowledged a logout, password change or cheater mark) is applied to this
 * gateway's revocations before the answer is passed on, so the client's next request is already refused; the
 * header goes no further. It is believed only here, in a service's answer: clients cannot send one to a service
 * (their {@code X-Aegis-*} headers are dropped).
 */
@Singleton
public class UpstreamForwarder {

    private static final String REQUEST_ID = "X-Request-Id";
    private static final Logger LOG = LoggerFactory.getLogger(UpstreamForwarder.class);
    private static final String IDENTITY_PREFIX = "x-aegis-";
    /** RFC 9110 §7.6.1 hop-by-hop headers, and the forwarding headers only the gateway may set. */
    private static final Set<String> DROPPED_REQUEST_HEADERS = Set.of(
            "connection", "keep-alive", "proxy-authenticate", "proxy-authorization", "proxy-connection", "te",
            "trailer", "upgrade", "host", "forwarded", "x-forwarded-for", "x-forwarded-host", "x-forwarded-proto",
            "x-forwarded-port", "x-forwarded-prefix", "x-real-ip", "x-request-id");
    /** Framing (content-length, transfer-encoding) is left to the server writing the answer. */
    private static final Set<String> DROPPED_RESPONSE_HEADERS = Set.of(
            "connection", "keep-alive", "proxy-authenticate", "proxy-connection", "te", "trailer", "upgrade");

    private final Upstreams upstreams;
    private final RevocationCheck revocations;
    private final long maxRequestSize;

    public UpstreamForwarder(Upstreams upstreams, RevocationCheck revocations, HttpServerConfiguration server) {
        this.upstreams = upstreams;
        this.revocations = revocations;
        this.maxRequestSize = server.getMaxRequestSize();
    }

    public Mono<MutableHttpResponse<?>> forward(HttpRequest<?> request, Route route, String requestId,
                                               String clientAddress) {
        // Bodies stream through, so the server's size limit is applied here: announced sizes before any call,
        // streamed ones as they arrive (the stream then fails with ContentLengthExceededException).
        if (request.getContentLength() > maxRequestSize) {
            return Mono.just(GatewayErrors.tooLarge(route.envelope()));
        }
        Upstream upstream = upstreams.find(route.service()).orElseThrow();
        CircuitBreaker breaker = upstream.breaker();
        if (!breaker.tryAcquirePermission()) {
            return Mono.just(GatewayErrors.unavailable(route.envelope()));
        }
        // The outgoing request shares the client request's headers, so the client's wish to close is kept aside.
        boolean clientCloses = connectionTokens(request).stream().anyMatch("close"::equalsIgnoreCase);
        MutableHttpRequest<?> outgoing = request.mutate();
        // Only the documented path and its query go out: an absolute-form request target must not pick the host.
        String query = request.getUri().getRawQuery();
        outgoing.uri(URI.create(route.path() + (query == null ? "" : "?" + query)));
        rewriteHeaders(outgoing.getHeaders(), request, requestId, clientAddress);
        return Mono.<MutableHttpResponse<?>>from(upstream.proxy().proxy(outgoing))
                .<MutableHttpResponse<?>>map(response -> {
                    breaker.onResult(0, TimeUnit.NANOSECONDS, response.code()); // 502/503/504 count as failures
                    applyRevocations(response.getHeaders());
                    stripHopByHop(response.getHeaders());
                    if (clientCloses) {
                        response.getHeaders().set(HttpHeaders.CONNECTION, "close");
                    }
                    return response;
                })
                .onErrorResume(error -> {
                    if (causedByOversizedBody(error)) {
                        breaker.releasePermission();
                        return Mono.<MutableHttpResponse<?>>just(GatewayErrors.tooLarge(route.envelope()));
                    }
                    breaker.onError(0, TimeUnit.NANOSECONDS, error);
                    LOG.warn("{} did not answer {} {}: {}", upstream.name(), request.getMethod(), route.path(),
                            error.toString());
                    return Mono.<MutableHttpResponse<?>>just(GatewayErrors.unavailable(route.envelope()));
                })
                .doOnCancel(breaker::releasePermission); // the client went away: nothing learnt about the service
    }

    private static boolean causedByOversizedBody(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ContentLengthExceededException) {
                return true;
            }
        }
        return false;
    }

    private static void rewriteHeaders(MutableHttpHeaders headers, HttpRequest<?> request, String requestId,
                                       String clientAddress) {
        List<String> dropped = new ArrayList<>();
        for (String name : headers.names()) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.startsWith(IDENTITY_PREFIX) || DROPPED_REQUEST_HEADERS.contains(lower)) {
                dropped.add(name);
            }
        }
        // Headers the client named in Connection are hop-by-hop too.
        dropped.addAll(connectionTokens(request));
        dropped.forEach(headers::remove);
        headers.set("X-Forwarded-For", clientAddress);
        headers.set("X-Forwarded-Proto", request.isSecure() ? "https" : "http");
        headers.set(REQUEST_ID, requestId);
    }

    private static List<String> connectionTokens(HttpRequest<?> request) {
        List<String> tokens = new ArrayList<>();
        for (String value : request.getHeaders().getAll(HttpHeaders.CONNECTION)) {
            for (String token : value.split(",")) {
                if (!token.isBlank()) {
                    tokens.add(token.trim());
                }
            }
        }
        return tokens;
    }

    private void applyRevocations(MutableHttpHeaders headers) {
        List<String> named = headers.getAll(Revocation.HEADER);
        if (named.isEmpty()) {
            return;
        }
        for (String value : named) {
            for (String one : value.split(",")) {
                Revocation.decode(one).ifPresentOrElse(revocations::learn,
                        () -> LOG.warn("Ignored a malformed {} header from a service", Revocation.HEADER));
            }
        }
        headers.remove(Revocation.HEADER);
    }

    private static void stripHopByHop(MutableHttpHeaders headers) {
        List<String> dropped = new ArrayList<>();
        for (String name : headers.names()) {
            if (DROPPED_RESPONSE_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                dropped.add(name);
            }
        }
        dropped.forEach(headers::remove);
    }
}
