package com.aegisspeed.bench.floor;

import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;

/** Answers where the services' readiness probe answers, so bench/startup.sh times the floor the same way. */
@Controller("/health/readiness")
class ReadinessController {
    @Get(produces = MediaType.TEXT_PLAIN)
    String ready() {
        return "UP";
    }
}
