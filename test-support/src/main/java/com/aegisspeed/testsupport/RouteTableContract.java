package com.aegisspeed.testsupport;

import com.aegisspeed.common.envelope.DeclaredEndpoint;
import com.aegisspeed.common.token.VerifiedToken;
import io.micronaut.context.env.yaml.YamlPropertySourceLoader;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.annotation.Header;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Each endpoint's contract is declared in the service that owns it ({@code @ApiEndpoint}, its route and its token
 * parameter) and in the gateway's route table. This contract, run by every service behind the gateway, fails the
 * build when the two disagree: a public route of the service missing from the table, a table entry the service does
 * not serve, or a different method, envelope or token requirement. (The token-invalid code is {@code 10001}
 * everywhere, so there is nothing left to disagree on there.)
 */
public abstract class RouteTableContract {

    @Test
    void theGatewaysRouteTableListsExactlyThisServicesEndpointsAsTheServiceDeclaresThem() {
        try (RunningService service = RunningService.onFreshSchema(Map.of())) {
            Set<String> declared = new TreeSet<>();
            service.context().getBean(Router.class).uriRoutes()
                    // HEAD is the router's own twin of every GET, never a route of the table.
                    .filter(route -> DeclaredEndpoint.of(route).isPresent() && !"HEAD".equals(route.getHttpMethodName()))
                    .forEach(route -> declared.add(describe(route)));
            Set<String> routed = new TreeSet<>();
            gatewayRoutes().values().stream()
                    .filter(route -> service.name().equals(route.get("service")))
                    .forEach(route -> routed.addAll(describe(route)));
            assertFalse(declared.isEmpty(), service.name() + " declares no endpoint");
            assertEquals(declared, routed, "the service's own declarations (left) against the gateway's route table");
        }
    }

    /** {@code METHOD path envelope token|no-token}, as the service declares the route. */
    private static String describe(UriRouteInfo<?, ?> route) {
        // A token is needed where the method takes a verified token, or the Authorization header to verify itself.
        boolean token = Arrays.stream(route.getTargetMethod().getArguments()).anyMatch(argument ->
                argument.getType() == VerifiedToken.class || argument.getAnnotationMetadata().stringValue(Header.class)
                        .filter(HttpHeaders.AUTHORIZATION::equalsIgnoreCase).isPresent());
        return route.getHttpMethodName() + " " + route.getUriMatchTemplate().toPathString() + " "
                + DeclaredEndpoint.of(route).orElseThrow().envelope() + " " + (token ? "token" : "no-token");
    }

    /** The same, for each method of one route-table entry. */
    private static List<String> describe(Map<String, Object> route) {
        Object methods = route.get("methods");
        List<?> names = methods instanceof List<?> list ? list : List.of(String.valueOf(methods));
        String envelope = String.valueOf(route.getOrDefault("envelope", "STANDARD"));
        boolean token = Boolean.parseBoolean(String.valueOf(route.getOrDefault("token-required", "false")));
        return names.stream().map(method -> method + " " + route.get("path") + " " + envelope + " "
                + (token ? "token" : "no-token")).toList();
    }

    /** {@code aegis.gateway.routes} of the gateway's configuration, by route name. */
    private static Map<String, Map<String, Object>> gatewayRoutes() {
        String prefix = "aegis.gateway.routes.";
        Path yml = repositoryRoot().resolve("gateway/src/main/resources/application.yml");
        Map<String, Map<String, Object>> routes = new HashMap<>();
        try (InputStream in = Files.newInputStream(yml)) {
            new YamlPropertySourceLoader().read("gateway", in).forEach((key, value) -> {
                if (key.startsWith(prefix)) {
                    String[] nameAndSetting = key.substring(prefix.length()).split("\\.", 2);
                    routes.computeIfAbsent(nameAndSetting[0], name -> new HashMap<>()).put(nameAndSetting[1], value);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return routes;
    }

    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("gateway/src/main/resources/application.yml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("not inside the repository: no gateway/src/main/resources/application.yml above "
                + Path.of("").toAbsolutePath());
    }
}
