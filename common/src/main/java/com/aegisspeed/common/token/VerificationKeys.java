package com.aegisspeed.common.token;

import com.nimbusds.jose.jwk.JWK;

import java.util.Optional;

/** The public keys tokens may be signed with, by key id. */
public interface VerificationKeys {

    Optional<JWK> find(String keyId);
}
