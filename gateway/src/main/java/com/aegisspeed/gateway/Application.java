package com.aegisspeed.gateway;

import com.aegisspeed.common.health.HealthController;
import com.aegisspeed.common.launch.ServiceLauncher;
import io.micronaut.openapi.annotation.OpenAPIInclude;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

@OpenAPIDefinition(info = @Info(title = "gateway", version = "0.1", description = "The only door clients use: routes documented paths to their services, checks tokens and endpoint-open flags."))
@OpenAPIInclude(classes = HealthController.class)
public class Application {

    public static void main(String[] args) {
        ServiceLauncher.run(Application.class, args);
    }
}
