package com.aegisspeed.gateway.stats;

import com.aegisspeed.common.envelope.ApiEndpoint;
import com.aegisspeed.common.identity.Role;
import io.micronaut.security.annotation.Secured;
import com.aegisspeed.common.envelope.ApiResponse;
import com.aegisspeed.common.envelope.Codes;
import com.aegisspeed.common.authservice.AuthInternalClient;
import com.aegisspeed.common.token.VerifiedToken;
import com.aegisspeed.gateway.GatewayCodes.Operator;
import com.aegisspeed.gateway.flags.OperatorAccess;
import com.aegisspeed.gateway.routes.Route;
import com.aegisspeed.gateway.routes.RouteTable;
import com.aegisspeed.gateway.stats.TrafficStatistics.Counts;
import com.aegisspeed.gateway.stats.TrafficStatistics.Window;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Read-only traffic statistics per routed endpoint for operators (the console's request counts and error
 * rates), under the same checks as the rest of the operator API: a {@code 管理员} or {@code 超级管理员} token
 * and its dynamic admin secret.
 */
@Controller("/admin/endpoints/statistics")
@ExecuteOn(TaskExecutors.BLOCKING)
@ApiEndpoint(internalErrorCode = Operator.INTERNAL_ERROR, notOpenCode = Codes.ENDPOINT_NOT_OPEN,
        roleRefusedCode = Operator.ROLE_NOT_ALLOWED, roleRefusedText = Operator.ROLE_NOT_ALLOWED_TEXT)
@Secured({Role.Labels.ADMIN, Role.Labels.SUPER_ADMIN})
public class StatisticsController {

    private static final int DEFAULT_MINUTES = 5;

    private final TrafficStatistics statistics;
    private final RouteTable routes;
    private final OperatorAccess operators;

    public StatisticsController(TrafficStatistics statistics, RouteTable routes, OperatorAccess operators) {
        this.statistics = statistics;
        this.routes = routes;
        this.operators = operators;
    }

    @Serdeable
    record Statistics(int minutes, Instant since, Instant until, List<EndpointTraffic> endpoints,
                      @JsonProperty("per_minute") List<ServiceTraffic> perMinute) {
    }

    /** A service's requests and 5xx answers per minute over the last hour, oldest first: the console's chart. */
    @Serdeable
    record ServiceTraffic(@JsonProperty("service_name") String serviceName, List<MinuteTraffic> minutes) {
    }

    @Serdeable
    record MinuteTraffic(Instant start, long requests, @JsonProperty("server_errors") long serverErrors) {
    }

    /** {@code error_rate}: the share of 5xx answers (the gateway's or the service's faults), 0 without requests. */
    @Serdeable
    record EndpointTraffic(
            @JsonProperty("endpoint_path") String endpointPath,
            @JsonProperty("service_name") String serviceName,
            long requests,
            @JsonProperty("client_errors") long clientErrors,
            @JsonProperty("server_errors") long serverErrors,
            @JsonProperty("error_rate") double errorRate) {

        static EndpointTraffic of(Route route, Counts counts) {
            double rate = counts.requests() == 0 ? 0 : (double) counts.serverErrors() / counts.requests();
            return new EndpointTraffic(route.path(), route.service(), counts.requests(), counts.clientErrors(),
                    counts.serverErrors(), Math.round(rate * 10_000) / 10_000.0);
        }
    }

    @Get
    public HttpResponse<ApiResponse> statistics(VerifiedToken token,
                                                @Nullable @Header(AuthInternalClient.ADMIN_SECRET_HEADER) String secret,
                                                @Nullable @QueryValue @Min(1) @Max(TrafficStatistics.MAX_MINUTES) Integer minutes) {
        operators.require(token, secret);
        int span = minutes == null ? DEFAULT_MINUTES : minutes;
        Window window = statistics.last(Duration.ofMinutes(span));
        List<EndpointTraffic> endpoints = routes.all().stream()
                .sorted(Comparator.comparing(Route::path))
                .map(route -> EndpointTraffic.of(route, window.of(route.path())))
                .toList();
        Map<String, String> serviceOfRoute = new HashMap<>();
        routes.all().forEach(route -> serviceOfRoute.put(route.path(), route.service()));
        List<ServiceTraffic> perMinute = statistics.perMinute(path -> serviceOfRoute.getOrDefault(path, "gateway"))
                .entrySet().stream()
                .map(service -> new ServiceTraffic(service.getKey(), service.getValue().stream()
                        .map(minute -> new MinuteTraffic(minute.start(), minute.requests(), minute.serverErrors())).toList()))
                .toList();
        return HttpResponse.ok(ApiResponse.success("Statistics listed",
                new Statistics(span, window.since(), window.until(), endpoints, perMinute)));
    }
}
