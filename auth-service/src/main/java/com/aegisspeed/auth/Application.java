package com.aegisspeed.auth;

import com.aegisspeed.common.health.HealthController;
import com.aegisspeed.common.launch.ServiceLauncher;
import io.micronaut.openapi.annotation.OpenAPIInclude;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

@OpenAPIDefinition(info = @Info(title = "auth-service", version = "0.1", description = "Registration, logins, 7-day JWTs and their revocation, admin dynamic secrets."))
@OpenAPIInclude(classes = HealthController.class)
public class Application {

    public static void main(String[] args) {
        ServiceLauncher.run(Application.class, args);
    }
}
