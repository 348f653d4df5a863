package com.aegisspeed.gateway.flags;

import com.aegisspeed.common.envelope.ApiEndpoint;
import com.aegisspeed.common.envelope.ApiResponse;
import com.aegisspeed.common.envelope.Codes;
import com.aegisspeed.common.identity.Role;
import com.aegisspeed.common.authservice.AuthInternalClient;
import com.aegisspeed.common.time.Utc;
import com.aegisspeed.common.token.VerifiedToken;
import com.aegisspeed.gateway.GatewayCodes.Operator;
import com.aegisspeed.gateway.flags.MaintenanceWindowService.Listed;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The operator API for maintenance windows (docs/api-gateway.md), with the same access rule as the endpoint
 * flags: a {@code 管理员} or {@code 超级管理员} token and a valid dynamic admin secret.
 */
@Controller("/admin/maintenance_windows")
@ExecuteOn(TaskExecutors.BLOCKING)
@ApiEndpoint(internalErrorCode = Operator.INTERNAL_ERROR, notOpenCode = Codes.ENDPOINT_NOT_OPEN,
        roleRefusedCode = Operator.ROLE_NOT_ALLOWED, roleRefusedText = Operator.ROLE_NOT_ALLOWED_TEXT)
@Secured({Role.Labels.ADMIN, Role.Labels.SUPER_ADMIN})
public class MaintenanceWindowsController {

    private static final int DEFAULT_LIMIT = 100;

    private final MaintenanceWindowService windows;
    private final OperatorAccess operators;

    public MaintenanceWindowsController(MaintenanceWindowService windows, OperatorAccess operators) {
        this.windows = windows;
        this.operators = operators;
    }

    /** Exactly one of {@code endpoint_path} and {@code service_name}; times in ISO 8601 with an offset. */
    @Serdeable
    public record Schedule(
            @Nullable @JsonProperty("endpoint_path") String endpointPath,
            @Nullable @JsonProperty("service_name") String serviceName,
            @NotNull @JsonProperty("starts_at") Instant startsAt,
            @NotNull @JsonProperty("ends_at") Instant endsAt,
            @NotBlank @Size(max = 200) String reason) {
    }

    @Serdeable
    public record Cancel(@NotNull @JsonProperty("window_id") Long windowId) {
    }

    @Serdeable
    record Window(
            @JsonProperty("window_id") long windowId,
            @Nullable @JsonProperty("endpoint_path") String endpointPath,
            @Nullable @JsonProperty("service_name") String serviceName,
            @JsonProperty("endpoint_paths") List<String> endpointPaths,
            @JsonProperty("starts_at") Instant startsAt,
            @JsonProperty("ends_at") Instant endsAt,
            String reason,
            String state,
            @JsonProperty("scheduled_by") String scheduledBy,
            @JsonProperty("scheduled_at") Instant scheduledAt,
            @Nullable @JsonProperty("cancelled_by") String cancelledBy,
            @Nullable @JsonProperty("cancelled_at") Instant cancelledAt) {
        static Window of(Listed listed) {
            MaintenanceWindow row = listed.window();
            return new Window(row.id(), row.endpointPath(), row.serviceName(), listed.endpointPaths(),
                    Utc.instant(row.startsAt()), Utc.instant(row.endsAt()), row.reason(), listed.state().label(),
                    row.scheduledBy(), Utc.instant(row.scheduledAt()), row.cancelledBy(),
                    row.cancelledAt() == null ? null : Utc.instant(row.cancelledAt()));
        }
    }

    @Get
    public HttpResponse<ApiResponse> list(VerifiedToken token, @Nullable @Header(AuthInternalClient.ADMIN_SECRET_HEADER) String secret,
                                          @Nullable @QueryValue @Min(1) @Max(1000) Integer limit) {
        operators.require(token, secret);
        return HttpResponse.ok(ApiResponse.success("Maintenance windows listed", Map.of("windows",
                windows.list(limit == null ? DEFAULT_LIMIT : limit).stream().map(Window::of).toList())));
    }

    @Post("/schedule")
    public HttpResponse<ApiResponse> schedule(VerifiedToken token,
                                              @Nullable @Header(AuthInternalClient.ADMIN_SECRET_HEADER) String secret,
                                              @Valid @Body Schedule request) {
        operators.require(token, secret);
        Listed scheduled = windows.schedule(blankToNull(request.endpointPath()), blankToNull(request.serviceName()),
                request.startsAt(), request.endsAt(), request.reason(), token.aegisSpeedId());
        return HttpResponse.ok(ApiResponse.success("Maintenance window scheduled", Window.of(scheduled)));
    }

    @Post("/cancel")
    public HttpResponse<ApiResponse> cancel(VerifiedToken token,
                                            @Nullable @Header(AuthInternalClient.ADMIN_SECRET_HEADER) String secret,
                                            @Valid @Body Cancel request) {
        operators.require(token, secret);
        return HttpResponse.ok(ApiResponse.success("Maintenance window cancelled",
                Window.of(windows.cancel(request.windowId(), token.aegisSpeedId()))));
    }

    @Nullable
    private static String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
