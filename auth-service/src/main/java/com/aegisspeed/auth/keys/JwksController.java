package com.aegisspeed.auth.keys;

import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;

/** {@code GET /.well-known/jwks.json}: the public keys verifiers check token signatures with (no envelope). */
@Secured(SecurityRule.IS_ANONYMOUS)
@Controller
public class JwksController {

    private final String jwks;

    public JwksController(SigningKeys keys) {
        this.jwks = keys.publicKeys().toString(true);
    }

    @Get(uri = "/.well-known/jwks.json", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<String> jwks() {
        return HttpResponse.ok(jwks).header("Cache-Control", "public, max-age=300");
    }
}
