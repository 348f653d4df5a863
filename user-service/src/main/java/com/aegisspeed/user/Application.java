package com.aegisspeed.user;

import com.aegisspeed.common.health.HealthController;
import io.micronaut.openapi.annotation.OpenAPIInclude;
import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

@OpenAPIDefinition(info = @Info(title = "user-service", version = "0.1", description = "Users: ID number, AegisSpeed ID, name, phone, email, password hash, roles, state."))
@OpenAPIInclude(classes = HealthController.class)
public class Application {

    public static void main(String[] args) {
        // No ASCII-art banner: every line on stdout is a log event (one JSON object each under AEGIS_LOG_FORMAT=json).
        Micronaut.build(args).mainClass(Application.class).banner(false).start();
    }
}
