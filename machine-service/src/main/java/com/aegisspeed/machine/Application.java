package com.aegisspeed.machine;

import com.aegisspeed.common.health.HealthController;
import com.aegisspeed.common.launch.ServiceLauncher;
import io.micronaut.openapi.annotation.OpenAPIInclude;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

@OpenAPIDefinition(info = @Info(title = "machine-service", version = "0.1", description = "Machines and their binding to users."))
@OpenAPIInclude(classes = HealthController.class)
public class Application {

    public static void main(String[] args) {
        ServiceLauncher.run(Application.class, args);
    }
}
