package com.aegisspeed.bench.proxyfloor;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.client.ProxyHttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import org.reactivestreams.Publisher;

import java.net.InetSocketAddress;

/**
 * Every request goes to the upstream as it came, with the header rewriting every proxy does (its own
 * {@code X-Forwarded-For}), through the proxy client the gateway forwards with.
 */
@Filter(Filter.MATCH_ALL_PATTERN)
class ForwardingFilter implements HttpServerFilter {

    private final ProxyHttpClient upstream;

    ForwardingFilter(@Client(id = "upstream") ProxyHttpClient upstream) {
        this.upstream = upstream;
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        MutableHttpRequest<?> outgoing = request.mutate();
        outgoing.getHeaders().remove("Host");
        InetSocketAddress client = request.getRemoteAddress();
        outgoing.getHeaders().set("X-Forwarded-For", client.getAddress().getHostAddress());
        return upstream.proxy(outgoing);
    }
}
