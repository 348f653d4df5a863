package com.aegisspeed.common.token;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.context.ServerRequestContext;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Where a service that had a revocation acknowledged (its own logout, or auth-service's answer to a password
 * change or cheater mark) makes it take effect at once for the caller: it applies it to its own verifier, and
 * names it in the {@link Revocation#HEADER} of the answer to the request that caused it, from which the gateway
 * that forwarded the request applies it before passing the answer on. So the caller's next request is refused
 * by that gateway and by this service with no wait; everyone else learns it from the channel or the feed.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class AcknowledgedRevocations {

    private static final String ATTRIBUTE = AcknowledgedRevocations.class.getName();

    private final RevocationCheck revocations;

    public AcknowledgedRevocations(RevocationCheck revocations) {
        this.revocations = revocations;
    }

    /** The revocations acknowledged while one request was handled. */
    private record Acknowledged(List<Revocation> revocations) {
    }

    /** Call on the thread handling the request that caused the revocation. */
    public void acknowledge(Revocation revocation) {
        revocations.learn(revocation);
        ServerRequestContext.currentRequest().ifPresent(request -> request.getAttribute(ATTRIBUTE, Acknowledged.class)
                .orElseGet(() -> {
                    Acknowledged acknowledged = new Acknowledged(new CopyOnWriteArrayList<>());
                    request.setAttribute(ATTRIBUTE, acknowledged);
                    return acknowledged;
                }).revocations().add(revocation));
    }

    @ResponseFilter
    public void nameThem(HttpRequest<?> request, MutableHttpResponse<?> response) {
        request.getAttribute(ATTRIBUTE, Acknowledged.class).ifPresent(acknowledged -> acknowledged.revocations()
                .forEach(revocation -> response.getHeaders().add(Revocation.HEADER, revocation.encode())));
    }
}
