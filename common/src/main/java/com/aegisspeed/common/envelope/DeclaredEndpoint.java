package com.aegisspeed.common.envelope;

import io.micronaut.core.annotation.AnnotationMetadataProvider;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.web.router.RouteAttributes;

import java.util.Optional;

/** What the request's route declares with {@link ApiEndpoint}, and the error bodies in its envelope shape. */
public record DeclaredEndpoint(String internalErrorCode, String notOpenCode, Envelope envelope, String tokenInvalidCode) {

    /** The token-invalid code of every documented endpoint, where {@link ApiEndpoint#tokenInvalidCode} is not set. */
    public static final String DEFAULT_TOKEN_INVALID_CODE = "10001";

    /** The declaration of the route the request matched, if it matched one that has it. */
    public static Optional<DeclaredEndpoint> of(HttpRequest<?> request) {
        return RouteAttributes.getRouteInfo(request).flatMap(DeclaredEndpoint::of);
    }

    /** The declaration of a route, if it has one. */
    public static Optional<DeclaredEndpoint> of(AnnotationMetadataProvider route) {
        return route.findAnnotation(ApiEndpoint.class)
                .map(a -> new DeclaredEndpoint(
                        a.stringValue("internalErrorCode").orElseThrow(),
                        a.stringValue("notOpenCode").orElseThrow(),
                        a.enumValue("envelope", Envelope.class).orElse(Envelope.STANDARD),
                        a.stringValue("tokenInvalidCode").orElse(DEFAULT_TOKEN_INVALID_CODE)));
    }

    /** How a token without the role the endpoint asks for is refused ({@link ApiEndpoint#roleRefusedCode}). */
    public record RoleRefusal(HttpStatus status, String code, String text) {
    }

    /** The role refusal the request's route declares, if it declares one. */
    public static Optional<RoleRefusal> roleRefusal(HttpRequest<?> request) {
        return RouteAttributes.getRouteInfo(request)
                .flatMap(route -> route.findAnnotation(ApiEndpoint.class))
                .filter(a -> !a.stringValue("roleRefusedCode").orElse("").isEmpty())
                .map(a -> new RoleRefusal(HttpStatus.valueOf(a.intValue("roleRefusedStatus").orElse(403)),
                        a.stringValue("roleRefusedCode").orElseThrow(),
                        a.stringValue("roleRefusedText").orElse("This account may not use this endpoint")));
    }

    /** An error body in the given envelope shape. */
    public static Object errorBody(Envelope shape, HttpStatus status, String code, String text) {
        return switch (shape) {
            case STANDARD -> ApiResponse.error(status, code, text);
            case TOKEN -> ApiResponse.tokenError(status, code, text);
            case AVAILABILITY -> AvailabilityResponse.error(status, code, text);
        };
    }
}
