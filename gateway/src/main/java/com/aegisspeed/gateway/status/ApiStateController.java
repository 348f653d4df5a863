package com.aegisspeed.gateway.status;

import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import com.aegisspeed.common.envelope.ApiEndpoint;
import com.aegisspeed.common.envelope.ApiResponse;
import com.aegisspeed.common.envelope.Codes;
import com.aegisspeed.common.health.DatabaseCheck;
import com.aegisspeed.gateway.proxy.Upstream;
import com.aegisspeed.gateway.proxy.Upstreams;
import com.aegisspeed.gateway.routes.Route;
import com.aegisspeed.common.time.Utc;
import com.aegisspeed.gateway.flags.MaintenanceWindow;
import com.aegisspeed.gateway.flags.MaintenanceWindowService;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Named;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;

/**
 * {@code /test/check_server_api_state} (docs/contract.md): every service's readiness, asked in parallel with a
 * short timeout, so a hanging service shows as {@code DOWN} instead of holding the answer, and the maintenance
 * windows that have not ended, so clients can warn players ahead. The endpoint itself always answers 200
 * {@code 10000}; the states are the payload. Each configured upstream is asked on its management
 * port ({@code micronaut.http.services.<name>-management}), the only port its probes answer on.
 */
@Secured(SecurityRule.IS_ANONYMOUS)
@Controller("/test")
public class ApiStateController {

    static final String UP = "UP";
    static final String DOWN = "DOWN";

    private final Upstreams upstreams;
    private final MaintenanceWindowService maintenance;
    private final DatabaseCheck database;
    private final Duration timeout;
    private final Scheduler blocking;

    public ApiStateController(Upstreams upstreams, MaintenanceWindowService maintenance, DatabaseCheck database,
                              @Value("${aegis.gateway.api-state-timeout}") Duration timeout,
                              @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.upstreams = upstreams;
        this.maintenance = maintenance;
        this.database = database;
        this.timeout = timeout;
        this.blocking = Schedulers.fromExecutorService(blocking);
    }

    @Serdeable
    record ServiceState(String name, String state) {
    }

    /** A window as clients see it: what it closes, when, and why (the operator who scheduled it is not shown). */
    @Serdeable
    record Window(
            @JsonProperty("window_id") long windowId,
            @Nullable @JsonProperty("service_name") String serviceName,
            @JsonProperty("endpoint_paths") List<String> endpointPaths,
            @JsonProperty("starts_at") Instant startsAt,
            @JsonProperty("ends_at") Instant endsAt,
            String reason,
            String state) {
        static Window of(MaintenanceWindowService.Listed listed) {
            MaintenanceWindow row = listed.window();
            return new Window(row.id(), row.serviceName(), listed.endpointPaths(), Utc.instant(row.startsAt()),
                    Utc.instant(row.endsAt()), row.reason(), listed.state().label());
        }
    }

    @Get("/check_server_api_state")
    @ApiEndpoint(internalErrorCode = Codes.UPSTREAM_UNAVAILABLE, notOpenCode = Codes.ENDPOINT_NOT_OPEN)
    public Mono<ApiResponse> checkServerApiState() {
        Mono<ServiceState> gateway = Mono.fromCallable(database::isUp).subscribeOn(blocking)
                .map(up -> new ServiceState(Route.GATEWAY, up ? UP : DOWN));
        Flux<ServiceState> services = Flux.fromIterable(upstreams.all()).flatMapSequential(this::readiness);
        List<Window> windows = maintenance.upcoming().stream().map(Window::of).toList();
        return Flux.concat(gateway, services).collectList().map(states -> ApiResponse.success(
                states.stream().allMatch(s -> UP.equals(s.state())) ? "All services are up" : "Some services are down",
                Map.of("services", states, "maintenance_windows", windows)));
    }

    private Mono<ServiceState> readiness(Upstream service) {
        // A failure becomes a status before the timeout: one that arrives after the timeout has answered is then a
        // value nobody waits for, where an error would be logged as dropped.
        return Mono.from(service.management().exchange(HttpRequest.GET("/health/readiness")))
                .map(HttpResponse::code)
                .onErrorReturn(503)
                .timeout(timeout, Mono.just(503))
                .map(status -> new ServiceState(service.name(), status == 200 ? UP : DOWN));
    }
}
