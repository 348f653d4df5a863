package com.aegisspeed.common.health;

import com.aegisspeed.common.envelope.ApiResponse;
import com.aegisspeed.common.envelope.Codes;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;

import java.util.Map;

/**
 * Probes in the project envelope: liveness says the process serves requests; readiness (and
 * {@code /health}) also needs the service's database, and answers 503 {@code 00002} while it is unreachable.
 * Bound to the management port ({@code aegis.management.port}): Micronaut opens it as a second listener that
 * serves these routes and {@code /prometheus} only, and the public port never serves them.
 */
@Controller(value = "/health", port = "${aegis.management.port}")
public class HealthController {

    private final DatabaseCheck databaseCheck;
    private final String serviceName;

    public HealthController(DatabaseCheck databaseCheck, @Value("${micronaut.application.name}") String serviceName) {
        this.databaseCheck = databaseCheck;
        this.serviceName = serviceName;
    }

    @Serdeable
    record Liveness(String service) {
    }

    @Serdeable
    record Readiness(String service, Map<String, String> checks) {
    }

    @Get
    @ExecuteOn(TaskExecutors.BLOCKING)
    public HttpResponse<ApiResponse> health() {
        return readiness();
    }

    @Get("/liveness")
    public HttpResponse<ApiResponse> liveness() {
        return HttpResponse.ok(ApiResponse.success("UP", new Liveness(serviceName)));
    }

    @Get("/readiness")
    @ExecuteOn(TaskExecutors.BLOCKING)
    public HttpResponse<ApiResponse> readiness() {
        boolean databaseUp = databaseCheck.isUp();
        Readiness data = new Readiness(serviceName, Map.of("database", databaseUp ? "UP" : "DOWN"));
        if (databaseUp) {
            return HttpResponse.ok(ApiResponse.success("UP", data));
        }
        HttpStatus status = HttpStatus.SERVICE_UNAVAILABLE;
        return HttpResponse.status(status)
                .body(new ApiResponse(status.getCode(), Codes.UPSTREAM_UNAVAILABLE, "DOWN", data, null));
    }
}
