package com.aegisspeed.common.health;

import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
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
 * Probes in the project envelope: liveness says the process serves requests; {@code /health} also reports the
 * service's database, and answers 503 {@code 00002} while it is unreachable; readiness does the same where the
 * service cannot serve without its database ({@code aegis.management.readiness-needs-database}, true by default).
 * The gateway serves on cached flags and answers readiness without asking its database: a database failover
 * must not take every gateway pod out of its Service at once.
 * Bound to the management port ({@code aegis.management.port}): Micronaut opens it as a second listener that
 * serves these routes and {@code /prometheus} only, and the public port never serves them.
 */
@Secured(SecurityRule.IS_ANONYMOUS)
@Controller(value = "/health", port = "${aegis.management.port}")
public class HealthController {

    private final DatabaseCheck databaseCheck;
    private final String serviceName;
    private final boolean readinessNeedsDatabase;

    public HealthController(DatabaseCheck databaseCheck, @Value("${micronaut.application.name}") String serviceName,
                            @Value("${aegis.management.readiness-needs-database:true}") boolean readinessNeedsDatabase) {
        this.databaseCheck = databaseCheck;
        this.serviceName = serviceName;
        this.readinessNeedsDatabase = readinessNeedsDatabase;
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
        return databaseState();
    }

    @Get("/liveness")
    public HttpResponse<ApiResponse> liveness() {
        return HttpResponse.ok(ApiResponse.success("UP", new Liveness(serviceName)));
    }

    @Get("/readiness")
    @ExecuteOn(TaskExecutors.BLOCKING)
    public HttpResponse<ApiResponse> readiness() {
        if (!readinessNeedsDatabase) {
            return HttpResponse.ok(ApiResponse.success("UP", new Readiness(serviceName, Map.of())));
        }
        return databaseState();
    }

    private HttpResponse<ApiResponse> databaseState() {
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
