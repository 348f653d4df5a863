package com.aegisspeed.gateway.status;

import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import com.aegisspeed.common.envelope.ApiEndpoint;
import com.aegisspeed.common.envelope.ApiResponse;
import com.aegisspeed.gateway.GatewayCodes.VersionCheck;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.serde.annotation.Serdeable;

/** docs/api-gateway.md: the versions a client checks at start-up, from configuration. */
@Secured(SecurityRule.IS_ANONYMOUS)
@Controller("/verify")
public class VersionController {

    private final VersionConfiguration versions;

    public VersionController(VersionConfiguration versions) {
        this.versions = versions;
    }

    @Serdeable
    record Versions(@JsonProperty("SERVER_VERSION") String server,
                    @JsonProperty("CLIENT_VERSION") String client,
                    @JsonProperty("ASAC_VERSION") String asac) {
    }

    /** Documented codes: 10000, and 10002 when the service's own maintenance switch closes it. */
    @Get("/verify_client_version_number")
    @ApiEndpoint(internalErrorCode = VersionCheck.INTERNAL_ERROR, notOpenCode = VersionCheck.NOT_OPEN)
    public ApiResponse verifyClientVersionNumber() {
        return ApiResponse.success("Client version number retrieved successfully",
                new Versions(versions.server(), versions.client(), versions.asac()));
    }
}
