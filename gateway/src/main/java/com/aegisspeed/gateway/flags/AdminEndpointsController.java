package com.aegisspeed.gateway.flags;

import com.aegisspeed.common.envelope.ApiEndpoint;
import com.aegisspeed.common.identity.Role;
import io.micronaut.security.annotation.Secured;
import com.aegisspeed.common.envelope.ApiResponse;
import com.aegisspeed.common.envelope.Codes;
import com.aegisspeed.common.envelope.Refusal;
import com.aegisspeed.common.authservice.AuthInternalClient;
import com.aegisspeed.common.token.VerifiedToken;
import com.aegisspeed.gateway.GatewayCodes.Operator;
import com.aegisspeed.gateway.flags.EndpointFlagService.Outcome;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The operator API for endpoint-open flags (docs/contract.md), open to {@code 管理员} and {@code 超级管理员}
 * tokens presenting a valid dynamic admin secret ({@code X-Admin-Secret}, docs/contract.md). Every change is
 * written to the audit history with the operator's AegisSpeed ID.
 */
@Controller("/admin/endpoints")
@ExecuteOn(TaskExecutors.BLOCKING)
@ApiEndpoint(internalErrorCode = Operator.INTERNAL_ERROR, notOpenCode = Codes.ENDPOINT_NOT_OPEN,
        roleRefusedCode = Operator.ROLE_NOT_ALLOWED, roleRefusedText = Operator.ROLE_NOT_ALLOWED_TEXT)
@Secured({Role.Labels.ADMIN, Role.Labels.SUPER_ADMIN})
public class AdminEndpointsController {

    private static final int DEFAULT_HISTORY = 100;

    private final EndpointFlagService flags;
    private final OperatorAccess operators;

    public AdminEndpointsController(EndpointFlagService flags, OperatorAccess operators) {
        this.flags = flags;
        this.operators = operators;
    }

    @Serdeable
    public record EndpointTarget(@NotBlank @JsonProperty("endpoint_path") String endpointPath) {
    }

    @Serdeable
    public record ServiceTarget(@NotBlank @JsonProperty("service_name") String serviceName) {
    }

    @Serdeable
    record EndpointState(
            @JsonProperty("endpoint_path") String endpointPath,
            @JsonProperty("service_name") String serviceName,
            List<String> methods,
            @JsonProperty("is_open") boolean isOpen,
            @JsonProperty("updated_at") Instant updatedAt,
            @Nullable @JsonProperty("maintenance_window_id") Long maintenanceWindowId) {
    }

    @Serdeable
    record Change(@JsonProperty("endpoint_path") String endpointPath,
                  @JsonProperty("was_open") boolean wasOpen,
                  @JsonProperty("is_open") boolean isOpen) {
        static Change of(Outcome outcome) {
            return new Change(outcome.endpointPath(), outcome.wasOpen(), outcome.isOpen());
        }
    }

    @Serdeable
    record ServiceChange(@JsonProperty("service_name") String serviceName, List<Change> endpoints) {
    }

    @Serdeable
    record HistoryEntry(
            @JsonProperty("endpoint_path") String endpointPath,
            @JsonProperty("was_open") boolean wasOpen,
            @JsonProperty("is_open") boolean isOpen,
            @JsonProperty("changed_by") String changedBy,
            @JsonProperty("changed_at") Instant changedAt) {
        static HistoryEntry of(EndpointFlagChange row) {
            return new HistoryEntry(row.endpointPath(), row.wasOpen(), row.nowOpen(), row.changedBy(),
                    row.changedAt().toInstant(ZoneOffset.UTC));
        }
    }

    @Get
    public HttpResponse<ApiResponse> list(VerifiedToken token, @Nullable @Header(AuthInternalClient.ADMIN_SECRET_HEADER) String secret) {
        return asOperator(token, secret, () -> ok("Endpoints listed", Map.of("endpoints",
                flags.list().stream().map(listed -> new EndpointState(listed.route().path(), listed.route().service(),
                        listed.route().methods().stream().map(Enum::name).sorted().toList(),
                        listed.open(), listed.flag().updatedAt().toInstant(ZoneOffset.UTC),
                        listed.closingWindow() == null ? null : listed.closingWindow().id())).toList())));
    }

    @Post("/open")
    public HttpResponse<ApiResponse> open(VerifiedToken token, @Nullable @Header(AuthInternalClient.ADMIN_SECRET_HEADER) String secret,
                                          @Valid @Body EndpointTarget target) {
        return setEndpoint(token, secret, target, true);
    }

    @Post("/close")
    public HttpResponse<ApiResponse> close(VerifiedToken token, @Nullable @Header(AuthInternalClient.ADMIN_SECRET_HEADER) String secret,
                                           @Valid @Body EndpointTarget target) {
        return setEndpoint(token, secret, target, false);
    }

    @Post("/open_service")
    public HttpResponse<ApiResponse> openService(VerifiedToken token,
                                                 @Nullable @Header(AuthInternalClient.ADMIN_SECRET_HEADER) String secret,
                                                 @Valid @Body ServiceTarget target) {
        return setService(token, secret, target, true);
    }

    @Post("/close_service")
    public HttpResponse<ApiResponse> closeService(VerifiedToken token,
                                                  @Nullable @Header(AuthInternalClient.ADMIN_SECRET_HEADER) String secret,
                                                  @Valid @Body ServiceTarget target) {
        return setService(token, secret, target, false);
    }

    @Get("/history")
    public HttpResponse<ApiResponse> history(VerifiedToken token, @Nullable @Header(AuthInternalClient.ADMIN_SECRET_HEADER) String secret,
                                             @Nullable @QueryValue("endpoint_path") String endpointPath,
                                             @Nullable @QueryValue @Min(1) @Max(1000) Integer limit) {
        return asOperator(token, secret, () -> ok("History listed", Map.of("changes",
                flags.history(endpointPath, limit == null ? DEFAULT_HISTORY : limit).stream()
                        .map(HistoryEntry::of).toList())));
    }

    private HttpResponse<ApiResponse> setEndpoint(VerifiedToken token, String secret, EndpointTarget target,
                                                  boolean open) {
        return asOperator(token, secret, () -> flags.setEndpoint(target.endpointPath(), open, token.aegisSpeedId())
                .map(outcome -> ok(open ? "Endpoint opened" : "Endpoint closed", Change.of(outcome)))
                .orElseThrow(() -> new Refusal(HttpStatus.NOT_FOUND, Operator.NO_SUCH_TARGET, "No such endpoint in the route table")));
    }

    private HttpResponse<ApiResponse> setService(VerifiedToken token, String secret, ServiceTarget target,
                                                 boolean open) {
        return asOperator(token, secret, () -> flags.setService(target.serviceName(), open, token.aegisSpeedId())
                .map(outcomes -> ok(open ? "Service endpoints opened" : "Service endpoints closed",
                        new ServiceChange(target.serviceName(), outcomes.stream().map(Change::of).toList())))
                .orElseThrow(() -> new Refusal(HttpStatus.NOT_FOUND, Operator.NO_SUCH_TARGET, "No such service in the route table")));
    }

    private HttpResponse<ApiResponse> asOperator(VerifiedToken token, @Nullable String secret,
                                                 Supplier<HttpResponse<ApiResponse>> action) {
        operators.require(token, secret);
        return action.get();
    }

    private static HttpResponse<ApiResponse> ok(String result, Object data) {
        return HttpResponse.ok(ApiResponse.success(result, data));
    }
}
