package com.aegisspeed.user;

import com.aegisspeed.common.health.HealthController;
import com.aegisspeed.common.launch.ServiceLauncher;
import io.micronaut.openapi.annotation.OpenAPIInclude;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

@OpenAPIDefinition(info = @Info(title = "user-service", version = "0.1", description = "Users: ID number, AegisSpeed ID, name, phone, email, password hash, roles, state."))
@OpenAPIInclude(classes = HealthController.class)
public class Application {

    public static void main(String[] args) {
        ServiceLauncher.run(Application.class, args);
    }
}
