package com.aegisspeed.auth.keys;

import com.aegisspeed.common.token.RemoteJwks;
import com.aegisspeed.common.token.VerificationKeys;
import com.nimbusds.jose.jwk.JWK;
import io.micronaut.context.annotation.Replaces;
import jakarta.inject.Singleton;

import java.util.Optional;

/** auth-service verifies tokens with its own keys rather than fetching its own JWKS over HTTP. */
@Singleton
@Replaces(RemoteJwks.class)
public class LocalVerificationKeys implements VerificationKeys {

    private final SigningKeys keys;

    public LocalVerificationKeys(SigningKeys keys) {
        this.keys = keys;
    }

    @Override
    public Optional<JWK> find(String keyId) {
        return Optional.ofNullable(keys.publicKeys().getKeyByKeyId(keyId));
    }
}
