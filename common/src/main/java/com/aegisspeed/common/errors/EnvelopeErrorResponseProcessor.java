package com.aegisspeed.common.errors;

import com.aegisspeed.common.envelope.ApiEndpoint;
import com.aegisspeed.common.envelope.Codes;
import com.aegisspeed.common.envelope.DeclaredEndpoint;
import com.aegisspeed.common.envelope.Envelope;
import io.micronaut.core.bind.exceptions.UnsatisfiedArgumentException;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.codec.CodecException;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.json.JsonSyntaxException;
import io.micronaut.serde.exceptions.SerdeException;
import io.micronaut.web.router.Router;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;

import java.util.Optional;

/**
 * Turns every error Micronaut produces (unknown path, wrong method, wrong content type, undecodable or
 * incomplete body, oversized body, unhandled exception) into the project envelope. Replaces Micronaut's
 * default processor, so no framework error body or exception message ever reaches a client.
 */
@Singleton
public class EnvelopeErrorResponseProcessor implements ErrorResponseProcessor<Object> {

    /** Used for a server fault on a path that declares no {@link ApiEndpoint} (health, metrics). */
    static final String UNDECLARED_INTERNAL_ERROR_CODE = Codes.UPSTREAM_UNAVAILABLE;

    private final Router router;

    public EnvelopeErrorResponseProcessor(Router router) {
        this.router = router;
    }

    @Override
    @SuppressWarnings("unchecked")
    public MutableHttpResponse<Object> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        MutableHttpResponse<Object> answer = (MutableHttpResponse<Object>) response;
        if (context.getRequest().getMethod() == HttpMethod.HEAD) {
            return answer;
        }
        Optional<DeclaredEndpoint> endpoint = DeclaredEndpoint.of(context.getRequest())
                .or(() -> declaredAtPath(context.getRequest()));
        HttpStatus status = response.status();
        Envelope shape = endpoint.map(DeclaredEndpoint::envelope).orElse(Envelope.STANDARD);
        Object body = DeclaredEndpoint.errorBody(shape, status, codeFor(status, endpoint), textFor(status, context));
        if (status == HttpStatus.REQUEST_ENTITY_TOO_LARGE && !hasBody(context.getRequest())) {
            // After an overlong request line or headers the server closes the connection, answering in HTTP/1.0 without
            // saying so, and clients that keep HTTP/1.1 connections alive sent their next request down it and got
            // nothing. Such a request reaches here without its headers. A body too large keeps the connection: the
            // server discards the rest, where closing would reset a client still sending and lose the answer.
            answer.header(HttpHeaders.CONNECTION, "close");
        }
        return answer.body(body).contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    /** Whether the request announced a body (a length or chunks), so its head was read whole and the body was too large. */
    private static boolean hasBody(HttpRequest<?> request) {
        return request.getHeaders().contentLength().orElse(0L) > 0 || request.getHeaders().contains(HttpHeaders.TRANSFER_ENCODING);
    }

    /**
     * A request refused before it matched a route (a wrong method or content type) still answers in the envelope of
     * the endpoint at its path: a token-issuing endpoint's client reads {@code token}, an availability check's
     * {@code info}, whatever went wrong.
     */
    private Optional<DeclaredEndpoint> declaredAtPath(HttpRequest<?> request) {
        return router.findAny(request.getPath(), request)
                .map(match -> DeclaredEndpoint.of(match.getRouteInfo()))
                .flatMap(Optional::stream)
                .findFirst();
    }

    private static String codeFor(HttpStatus status, Optional<DeclaredEndpoint> endpoint) {
        return switch (status) {
            case NOT_FOUND, METHOD_NOT_ALLOWED -> Codes.NO_SUCH_ENDPOINT;
            case REQUEST_ENTITY_TOO_LARGE -> Codes.BODY_TOO_LARGE;
            case FORBIDDEN -> Codes.ENDPOINT_NOT_OPEN;
            case TOO_MANY_REQUESTS -> Codes.RATE_LIMITED;
            case SERVICE_UNAVAILABLE, BAD_GATEWAY, GATEWAY_TIMEOUT -> Codes.UPSTREAM_UNAVAILABLE;
            default -> status.getCode() >= 500
                    ? endpoint.map(DeclaredEndpoint::internalErrorCode).orElse(UNDECLARED_INTERNAL_ERROR_CODE)
                    : Codes.MALFORMED_REQUEST;
        };
    }

    private static String textFor(HttpStatus status, ErrorContext context) {
        return switch (status) {
            case NOT_FOUND -> "No such endpoint";
            case METHOD_NOT_ALLOWED -> "No such endpoint for this HTTP method";
            case REQUEST_ENTITY_TOO_LARGE -> "Request too large";
            case UNSUPPORTED_MEDIA_TYPE -> "Malformed request: Content-Type must be application/json";
            case NOT_ACCEPTABLE -> "Malformed request: the response can only be application/json";
            case FORBIDDEN -> Codes.ENDPOINT_NOT_OPEN_TEXT;
            case TOO_MANY_REQUESTS -> "Too many requests";
            case SERVICE_UNAVAILABLE, BAD_GATEWAY, GATEWAY_TIMEOUT -> "Service unavailable";
            default -> status.getCode() >= 500
                    ? "Server internal error"
                    : "Malformed request: " + describeBadRequest(context);
        };
    }

    /** Says what is wrong with the request without echoing exception messages (which may name classes). */
    private static String describeBadRequest(ErrorContext context) {
        Throwable cause = context.getRootCause().orElse(null);
        if (cause instanceof UnsatisfiedArgumentException missing) {
            return "required '" + missing.getArgument().getName() + "' is missing";
        }
        if (cause instanceof ConversionErrorException wrongType) {
            return "'" + wrongType.getArgument().getName() + "' has the wrong type or is not valid JSON";
        }
        if (cause instanceof ConstraintViolationException invalid && !invalid.getConstraintViolations().isEmpty()) {
            ConstraintViolation<?> first = invalid.getConstraintViolations().iterator().next();
            return "'" + lastNode(first.getPropertyPath()) + "' " + first.getMessage();
        }
        if (causedByBodyDecoding(cause)) {
            return "the body is not valid JSON of the expected shape";
        }
        return "the request could not be read";
    }

    private static boolean causedByBodyDecoding(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CodecException || t instanceof JsonSyntaxException || t instanceof SerdeException
                    || t.getClass().getName().startsWith("com.fasterxml.jackson.")) {
                return true;
            }
        }
        return false;
    }

    private static String lastNode(Path path) {
        String name = "";
        for (Path.Node node : path) {
            name = node.getName();
        }
        return name;
    }
}
