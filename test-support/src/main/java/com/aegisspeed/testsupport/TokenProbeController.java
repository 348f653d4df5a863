package com.aegisspeed.testsupport;

import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import com.aegisspeed.common.envelope.ApiEndpoint;
import com.aegisspeed.common.envelope.ApiResponse;
import com.aegisspeed.common.envelope.Envelope;
import com.aegisspeed.common.token.VerifiedToken;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;

import java.util.Map;

/**
 * Test-only endpoints that need a verified token, to show what the shared token check lets through and in
 * which envelope it refuses. Exists only in contexts started with {@code spec.name=TokenProbe}.
 */
@Requires(property = "spec.name", value = TokenProbeController.SPEC_NAME)
@Secured(SecurityRule.IS_AUTHENTICATED)
@Controller("/probe/whoami")
class TokenProbeController {

    static final String SPEC_NAME = "TokenProbe";
    static final String TOKEN_INVALID = "19201";

    @Get
    @ApiEndpoint(internalErrorCode = "19001", notOpenCode = "19101")
    ApiResponse whoAmI(VerifiedToken token) {
        return ApiResponse.success("ok", Map.of("subject", token.subject(), "aegisspeed_id", token.aegisSpeedId(),
                "roles", token.roles(), "admin", token.isAdmin()));
    }

    @Get("/token-envelope")
    @ApiEndpoint(internalErrorCode = "19002", notOpenCode = "19102", envelope = Envelope.TOKEN,
            tokenInvalidCode = TOKEN_INVALID)
    ApiResponse whoAmIInTokenEnvelope(VerifiedToken token) {
        return ApiResponse.success("ok", Map.of("subject", token.subject()));
    }
}
