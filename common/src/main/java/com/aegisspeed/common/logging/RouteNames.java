package com.aegisspeed.common.logging;

import io.micronaut.http.HttpRequest;

import java.util.Optional;

/** The route a request is logged under: a path template, never the path itself (which may carry values). */
public interface RouteNames {

    Optional<String> of(HttpRequest<?> request);
}
