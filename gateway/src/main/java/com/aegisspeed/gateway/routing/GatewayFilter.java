package com.aegisspeed.gateway.routing;

import com.aegisspeed.gateway.routes.Route;
import com.aegisspeed.gateway.routes.RouteTable;
import com.aegisspeed.gateway.routes.RouteEnvelope;
import com.aegisspeed.gateway.routes.GatewayErrors;
import com.aegisspeed.common.envelope.Codes;
import com.aegisspeed.common.token.TokenCheckUnavailableException;
import com.aegisspeed.common.token.TokenRejectedException;
import com.aegisspeed.common.token.VerifiedToken;
import com.aegisspeed.gateway.flags.EndpointFlags;
import com.aegisspeed.gateway.metrics.RouteMetrics;
import com.aegisspeed.gateway.proxy.UpstreamForwarder;
import com.aegisspeed.gateway.ratelimit.RateLimit;
import com.aegisspeed.gateway.ratelimit.RateLimiter;
import com.aegisspeed.gateway.ratelimit.RateLimiter.Bucket;
import com.aegisspeed.gateway.token.GatewayTokens;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.http.server.cors.CorsFilter;
import io.micronaut.web.router.Router;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The gateway's request path, for every request. A path in the route table is checked in this order, each
 * refusal answered in the route's envelope without reaching the service: method (405 {@code 00004}), open flag
 * (403 {@code 00000}), token where required (401 {@code 10001}), rate limits (429 {@code 00001} with
 * {@code Retry-After}); then the gateway's own controller answers, or the owning service through
 * {@link UpstreamForwarder}. Other paths go to the gateway's own routes (probes, metrics), which answer 404
 * {@code 00004} for anything unknown; {@code /internal/**} and {@code /.well-known/**} are never routed.
 * Every answer is counted in {@link RouteMetrics}; {@link RequestIdFilter} gives it its {@code X-Request-Id}.
 */
@Filter(Filter.MATCH_ALL_PATTERN)
public class GatewayFilter implements HttpServerFilter {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayFilter.class);
    private static final List<String> NEVER_ROUTED = List.of("/internal/", "/.well-known/");

    private final RouteTable routes;
    private final EndpointFlags flags;
    private final GatewayTokens tokens;
    private final RateLimiter rateLimiter;
    private final UpstreamForwarder forwarder;
    private final ClientAddresses clientAddresses;
    private final RouteMetrics metrics;
    private final Router router;

    public GatewayFilter(RouteTable routes, EndpointFlags flags, GatewayTokens tokens, RateLimiter rateLimiter,
                         UpstreamForwarder forwarder, ClientAddresses clientAddresses, RouteMetrics metrics,
                         Router router) {
        this.routes = routes;
        this.flags = flags;
        this.tokens = tokens;
        this.rateLimiter = rateLimiter;
        this.forwarder = forwarder;
        this.clientAddresses = clientAddresses;
        this.metrics = metrics;
        this.router = router;
    }

    /**
     * Inside Micronaut's CORS filter, so answers given here (forwarded or refused) get its headers too, and inside
     * the tracing filter, so every answer has the gateway's server span and the calls to services are its children.
     */
    @Override
    public int getOrder() {
        return Math.max(CorsFilter.CORS_FILTER_ORDER, ServerFilterPhase.TRACING.after()) + 1;
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        long started = System.nanoTime();
        String requestId = RequestIds.assigned(request);
        String path = request.getPath();
        Optional<Route> route = routes.find(path);
        Mono<MutableHttpResponse<?>> answer = route
                .map(r -> handle(r, request, chain, requestId))
                .orElseGet(() -> unrouted(path, request, chain));
        String routeTag = route.map(Route::path).orElse(RouteMetrics.UNMATCHED);
        return answer.map(response -> {
            metrics.record(routeTag, request.getMethod().name(), response.code(),
                    Duration.ofNanos(System.nanoTime() - started));
            return response;
        });
    }

    private Mono<MutableHttpResponse<?>> unrouted(String path, HttpRequest<?> request, ServerFilterChain chain) {
        if (NEVER_ROUTED.stream().anyMatch(path::startsWith) || reachesARoutedController(path, request)) {
            return Mono.just(GatewayErrors.noSuchEndpoint(RouteEnvelope.STANDARD, HttpStatus.NOT_FOUND,
                    "No such endpoint"));
        }
        return Mono.from(chain.proceed(request));
    }

    /**
     * Whether Micronaut's router would still dispatch this path to one of the gateway's routed controllers: it
     * ignores differences such as a trailing slash, so {@code /admin/endpoints/} would otherwise reach the
     * controller past every check above.
     */
    private boolean reachesARoutedController(String path, HttpRequest<?> request) {
        return router.findAny(path, request)
                .anyMatch(match -> routes.find(match.getRouteInfo().getUriMatchTemplate().toPathString()).isPresent());
    }

    private Mono<MutableHttpResponse<?>> handle(Route route, HttpRequest<?> request, ServerFilterChain chain,
                                                String requestId) {
        if (!route.methods().contains(request.getMethod())) {
            return Mono.just(GatewayErrors.noSuchEndpoint(route.envelope(), HttpStatus.METHOD_NOT_ALLOWED,
                    "No such endpoint for this HTTP method"));
        }
        if (!flags.isOpen(route)) {
            return Mono.just(GatewayErrors.notOpen(route.envelope()));
        }
        String clientAddress = clientAddresses.of(request);
        Mono<MutableHttpResponse<?>> pass = route.ownedByGateway()
                ? Mono.defer(() -> Mono.from(chain.proceed(request)))
                : Mono.defer(() -> forwarder.forward(request, route, requestId, clientAddress));
        List<Bucket> clientBuckets = buckets(route, "client", clientAddress, route.clientRateLimits());
        if (!route.tokenRequired()) {
            return limited(route, clientBuckets, pass);
        }
        return tokens.verify(request.getHeaders().get(HttpHeaders.AUTHORIZATION), request)
                .map(TokenOutcome::valid)
                .onErrorResume(error -> Mono.just(TokenOutcome.failed(error)))
                .flatMap(outcome -> {
                    if (outcome.token() != null) {
                        return limited(route, withUserBuckets(route, clientBuckets, outcome.token()), pass);
                    }
                    if (outcome.error() instanceof TokenRejectedException) {
                        // Bad tokens still count against the client, so they cannot be tried without limit.
                        return limited(route, clientBuckets, Mono.just(GatewayErrors.tokenInvalid(route)));
                    }
                    // Keys or revocations never loaded (auth-service down since start): the token may be fine.
                    if (!(outcome.error() instanceof TokenCheckUnavailableException)) {
                        LOG.warn("Token check failed on {}: {}", route.path(), outcome.error().toString());
                    }
                    return Mono.just(GatewayErrors.unavailable(route.envelope()));
                });
    }

    /** A verified token, or why there is none. */
    private record TokenOutcome(VerifiedToken token, Throwable error) {
        static TokenOutcome valid(VerifiedToken token) {
            return new TokenOutcome(token, null);
        }

        static TokenOutcome failed(Throwable error) {
            return new TokenOutcome(null, error);
        }
    }

    /** Counts the request; past a limit answers 429 instead of {@code next}. */
    private Mono<MutableHttpResponse<?>> limited(Route route, List<Bucket> buckets, Mono<MutableHttpResponse<?>> next) {
        if (buckets.isEmpty()) {
            return next;
        }
        return rateLimiter.acquire(buckets).flatMap(decision -> decision.allowed()
                ? next
                : Mono.just(GatewayErrors.of(route.envelope(), HttpStatus.TOO_MANY_REQUESTS, Codes.RATE_LIMITED,
                        "Too many requests").header(HttpHeaders.RETRY_AFTER, Long.toString(decision.retryAfterSeconds()))));
    }

    private static List<Bucket> withUserBuckets(Route route, List<Bucket> clientBuckets, VerifiedToken token) {
        List<Bucket> userBuckets = buckets(route, "user", token.subject(), route.userRateLimits());
        if (userBuckets.isEmpty()) {
            return clientBuckets;
        }
        List<Bucket> all = new ArrayList<>(clientBuckets);
        all.addAll(userBuckets);
        return all;
    }

    private static List<Bucket> buckets(Route route, String scope, String who, List<RateLimit> limits) {
        if (limits.isEmpty()) {
            return List.of();
        }
        return List.of(new Bucket(route.name() + ':' + scope + ':' + who, limits));
    }
}
