package com.aegisspeed.gateway.console;

import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import com.aegisspeed.gateway.routes.GatewayErrors;
import com.aegisspeed.gateway.routes.RouteEnvelope;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The operator console: a static page under {@code /console/} that works the endpoint flags through the operator
 * API ({@code /admin/**}) as any client would; it has no access of its own. Its few files are read from the
 * classpath ({@code console/}) at start and served with a Content-Security-Policy that allows nothing but this
 * origin (no inline script or style, no other host, no framing). Not in the route table, so the endpoint-open
 * flags and the token checks do not apply to the page itself, only to the API calls it makes.
 */
@Secured(SecurityRule.IS_ANONYMOUS)
@Controller("/console")
public class ConsoleController {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'";
    private static final String INDEX = "index.html";
    private static final Map<String, String> TYPES = Map.of(
            INDEX, "text/html;charset=utf-8",
            "console.css", "text/css;charset=utf-8",
            "console.js", "text/javascript;charset=utf-8");

    private record Asset(byte[] body, MediaType type) {
    }

    private final Map<String, Asset> assets;

    public ConsoleController() {
        this.assets = TYPES.entrySet().stream().collect(Collectors.toUnmodifiableMap(Map.Entry::getKey,
                file -> new Asset(read(file.getKey()), MediaType.of(file.getValue()))));
    }

    /** {@code /console/} is the page; {@code /console} (the router matches both) sends the browser there. */
    @Get
    public MutableHttpResponse<?> page(HttpRequest<?> request) {
        if (!request.getPath().endsWith("/")) {
            return HttpResponse.redirect(URI.create("/console/"));
        }
        return asset(INDEX);
    }

    @Get("/{name}")
    public MutableHttpResponse<?> asset(@PathVariable String name) {
        Asset asset = assets.get(name);
        if (asset == null) {
            return GatewayErrors.noSuchEndpoint(RouteEnvelope.STANDARD, HttpStatus.NOT_FOUND, "No such endpoint");
        }
        return HttpResponse.ok(asset.body())
                .contentType(asset.type())
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "no-referrer")
                // Always asked again, so an upgraded gateway's console reaches operators at once.
                .header("Cache-Control", "no-cache");
    }

    private static byte[] read(String name) {
        try (InputStream in = ConsoleController.class.getResourceAsStream("/console/" + name)) {
            if (in == null) {
                throw new IllegalStateException("console asset missing from the build: " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
