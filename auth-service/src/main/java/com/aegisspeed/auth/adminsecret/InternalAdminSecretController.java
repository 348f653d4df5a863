package com.aegisspeed.auth.adminsecret;

import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import com.aegisspeed.common.envelope.ApiResponse;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import java.util.Map;
import io.swagger.v3.oas.annotations.Hidden;

/** {@code POST /internal/admin-secrets/verify} (docs/internal-api.md): whether the secret is valid for that token. */
@Hidden
@Secured(SecurityRule.IS_ANONYMOUS)
@Controller("/internal/admin-secrets")
public class InternalAdminSecretController {

    private final AdminSecrets secrets;

    public InternalAdminSecretController(AdminSecrets secrets) {
        this.secrets = secrets;
    }

    @Serdeable
    public record Question(@NotNull @JsonProperty("admin_secret") String adminSecret, @NotNull String jti) {
    }

    @Post("/verify")
    public ApiResponse verify(@Valid @Body Question question) {
        return ApiResponse.success("Admin secret checked", Map.of("valid", secrets.isValid(question.adminSecret(), question.jti())));
    }
}
