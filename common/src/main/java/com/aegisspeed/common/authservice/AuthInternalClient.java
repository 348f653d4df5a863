package com.aegisspeed.common.authservice;

import com.aegisspeed.common.internal.InternalCalls;
import com.aegisspeed.common.token.AcknowledgedRevocations;
import com.aegisspeed.common.token.Revocation;
import com.aegisspeed.common.token.VerifiedToken;
import io.micronaut.core.annotation.Nullable;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

import java.util.Map;

/** auth-service's internal API (docs/internal-api.md), for blocking callers. */
@Singleton
public class AuthInternalClient {

    /** The header admin operations carry the dynamic admin secret in (docs/contract.md). */
    public static final String ADMIN_SECRET_HEADER = "X-Admin-Secret";
    private static final String SERVICE = "auth-service";
    /** Far above any secret auth-service issues; longer values are not worth a call. */
    private static final int MAX_SECRET_LENGTH = 512;

    private final HttpClient client;
    private final AcknowledgedRevocations acknowledged;

    public AuthInternalClient(@Client(id = "auth") HttpClient client, AcknowledgedRevocations acknowledged) {
        this.client = client;
        this.acknowledged = acknowledged;
    }

    @Serdeable
    record AdminSecretVerdict(boolean valid) {
    }

    @Serdeable
    record AdminSecretQuestion(@JsonProperty("admin_secret") String adminSecret, String jti) {
    }

    /**
     * Whether {@code presented} (the {@link #ADMIN_SECRET_HEADER} value, possibly absent) is a dynamic admin
     * secret issued for {@code token} and still valid.
     */
    public boolean isValidAdminSecret(@Nullable String presented, VerifiedToken token) {
        return presented != null && !presented.isBlank() && presented.length() <= MAX_SECRET_LENGTH
                && verifyAdminSecret(presented, token.jti());
    }

    private boolean verifyAdminSecret(String adminSecret, String jti) {
        var answer = InternalCalls.exchange(client, SERVICE,
                HttpRequest.POST("/internal/admin-secrets/verify", new AdminSecretQuestion(adminSecret, jti)),
                AdminSecretVerdict.class);
        return InternalCalls.require(answer, SERVICE).valid();
    }

    /**
     * Revokes every token of the user issued up to now (password change, cheater ban), and makes it take effect
     * at once here and at the gateway that forwarded the request being handled ({@link AcknowledgedRevocations}).
     */
    public void revokeTokens(String publicId) {
        String path = UriBuilder.of("/internal/users").path(publicId).path("revoke-tokens").toString();
        var answer = InternalCalls.exchange(client, SERVICE, HttpRequest.POST(path, Map.of()), Revocation.class);
        acknowledged.acknowledge(InternalCalls.require(answer, SERVICE));
    }
}
