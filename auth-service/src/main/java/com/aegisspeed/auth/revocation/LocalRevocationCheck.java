package com.aegisspeed.auth.revocation;

import com.aegisspeed.common.token.PolledRevocations;
import com.aegisspeed.common.token.RevocationCheck;
import com.aegisspeed.common.token.VerifiedToken;
import io.micronaut.context.annotation.Replaces;
import jakarta.inject.Singleton;

/** auth-service reads its own revocations table for every token it verifies: a logout takes effect at once. */
@Singleton
@Replaces(PolledRevocations.class)
public class LocalRevocationCheck implements RevocationCheck {

    private final RevocationRepository repository;

    public LocalRevocationCheck(RevocationRepository repository) {
        this.repository = repository;
    }

    @Override
    public boolean isRevoked(VerifiedToken token) {
        return repository.isRevoked(token.jti(), token.subject(), token.issuedAt().getEpochSecond());
    }
}
