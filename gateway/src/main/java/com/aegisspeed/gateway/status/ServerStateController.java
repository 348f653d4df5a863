package com.aegisspeed.gateway.status;

import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import com.aegisspeed.common.envelope.ApiEndpoint;
import com.aegisspeed.common.envelope.ApiResponse;
import com.aegisspeed.common.envelope.Codes;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.version.VersionUtils;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.serde.annotation.Serdeable;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Whether the server runs. {@code /test/check_server_state} answers anyone; the developer variant
 * (docs/api-gateway.md) wants {@code secret_order} = Base64 of {@code AEGIS_DEV_SECRET} and reports this server's
 * framework and runtime under the reference's field names: {@code FastApi_version} carries the Micronaut
 * version, {@code Python_version} the Java version shaped like Python's {@code version_info}
 * ({@code [17, 0, 15, "final", 0, 0]}). Without a configured secret it refuses everyone.
 */
@Secured(SecurityRule.IS_ANONYMOUS)
@Controller("/test")
public class ServerStateController {

    static final String RUNNING = "running";

    private final byte[] devSecret;

    public ServerStateController(@Value("${aegis.gateway.dev-secret:}") String devSecret) {
        this.devSecret = devSecret.getBytes(StandardCharsets.UTF_8);
    }

    @Serdeable
    record ServerState(@JsonProperty("server_state") String serverState) {
    }

    @Serdeable
    record DevState(int status,
                    @JsonProperty("server_state") String serverState,
                    @JsonProperty("FastApi_version") String frameworkVersion,
                    @JsonProperty("Python_version") List<Object> runtimeVersion) {
    }

    @Get("/check_server_state")
    @ApiEndpoint(internalErrorCode = Codes.UPSTREAM_UNAVAILABLE, notOpenCode = Codes.ENDPOINT_NOT_OPEN)
    public ApiResponse checkServerState() {
        return ApiResponse.success("Server is running", new ServerState(RUNNING));
    }

    @Get("/check_server_state_dev")
    @ApiEndpoint(internalErrorCode = Codes.UPSTREAM_UNAVAILABLE, notOpenCode = Codes.ENDPOINT_NOT_OPEN)
    public HttpResponse<?> checkServerStateDev(@Nullable @QueryValue("secret_order") String secretOrder) {
        if (!accepts(secretOrder)) {
            return HttpResponse.status(HttpStatus.UNAUTHORIZED).body(Map.of("status", HttpStatus.UNAUTHORIZED.getCode()));
        }
        Runtime.Version java = Runtime.version();
        return HttpResponse.ok(new DevState(HttpStatus.OK.getCode(), RUNNING,
                String.valueOf(VersionUtils.getMicronautVersion()),
                List.of(java.feature(), java.interim(), java.update(), "final", 0, 0)));
    }

    /** Empty, undecodable or wrong secrets are all the same 401, compared in constant time. */
    private boolean accepts(@Nullable String secretOrder) {
        if (devSecret.length == 0 || secretOrder == null || secretOrder.isBlank()) {
            return false;
        }
        try {
            return MessageDigest.isEqual(devSecret, Base64.getDecoder().decode(secretOrder.trim()));
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
    }
}
