package com.aegisspeed.testsupport;

import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import com.aegisspeed.common.envelope.ApiEndpoint;
import com.aegisspeed.common.envelope.ApiResponse;
import com.aegisspeed.common.envelope.Envelope;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.util.Map;

/**
 * Test-only endpoints, one per envelope shape, that the envelope contract sends bad requests to inside a
 * real service. Exists only in contexts started with {@code spec.name=EnvelopeProbe}.
 */
@Requires(property = "spec.name", value = EnvelopeProbeController.SPEC_NAME)
@Secured(SecurityRule.IS_ANONYMOUS)
@Controller("/probe")
class EnvelopeProbeController {

    static final String SPEC_NAME = "EnvelopeProbe";
    /** A body every probe endpoint accepts. */
    static final String VALID_BODY = "{\"name\":\"alice\",\"count\":3}";

    static final String STANDARD_INTERNAL_ERROR = "19001";
    static final String TOKEN_INTERNAL_ERROR = "19002";
    static final String AVAILABILITY_INTERNAL_ERROR = "19003";
    static final String STANDARD_NOT_OPEN = "19101";
    static final String TOKEN_NOT_OPEN = "19102";
    static final String AVAILABILITY_NOT_OPEN = "19103";
    static final long SLOW_MILLIS = 2_000;
    static final String SECRET_DETAIL = "SELECT password_hash FROM users";

    @Serdeable
    record ProbeRequest(@NotBlank String name, @NotNull Integer count) {
    }

    @Post("/standard")
    @ApiEndpoint(internalErrorCode = STANDARD_INTERNAL_ERROR, notOpenCode = STANDARD_NOT_OPEN)
    ApiResponse standard(@Valid @Body ProbeRequest request) {
        return ApiResponse.success("ok", Map.of("name", request.name(), "count", request.count()));
    }

    @Post("/standard/failure")
    @ApiEndpoint(internalErrorCode = STANDARD_INTERNAL_ERROR, notOpenCode = STANDARD_NOT_OPEN)
    ApiResponse standardFailure(@Valid @Body ProbeRequest request) {
        throw new IllegalStateException(SECRET_DETAIL);
    }

    @Post("/token")
    @ApiEndpoint(internalErrorCode = TOKEN_INTERNAL_ERROR, notOpenCode = TOKEN_NOT_OPEN, envelope = Envelope.TOKEN)
    ApiResponse token(@Valid @Body ProbeRequest request) {
        throw new IllegalStateException(SECRET_DETAIL);
    }

    @Post("/availability")
    @ApiEndpoint(internalErrorCode = AVAILABILITY_INTERNAL_ERROR, notOpenCode = AVAILABILITY_NOT_OPEN,
            envelope = Envelope.AVAILABILITY)
    ApiResponse availability(@Valid @Body ProbeRequest request) {
        throw new IllegalStateException(SECRET_DETAIL);
    }

    /** A request that is still being served a moment after it arrives. */
    @Get("/slow")
    @ApiEndpoint(internalErrorCode = STANDARD_INTERNAL_ERROR, notOpenCode = STANDARD_NOT_OPEN)
    ApiResponse slow() throws InterruptedException {
        Thread.sleep(SLOW_MILLIS);
        return ApiResponse.success("finished", Map.of());
    }

    @Get("/undeclared/failure")
    ApiResponse undeclaredFailure() {
        throw new IllegalStateException(SECRET_DETAIL);
    }
}
