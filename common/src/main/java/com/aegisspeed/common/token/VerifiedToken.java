package com.aegisspeed.common.token;

import com.aegisspeed.common.identity.Role;

import java.time.Instant;
import java.util.List;

/**
 * A token whose signature, lifetime, issuer, audience and revocation have been checked.
 *
 * @param subject      the user's opaque public id ({@code sub}), never the ID number
 * @param aegisSpeedId the user's AegisSpeed ID ({@code aegisspeed_id})
 * @param roles        role labels ({@code roles}), e.g. {@code 用户}
 * @param jti          the token's unique id, the handle for revoking it and for binding admin secrets
 * @param raw          the compact JWT as presented
 */
public record VerifiedToken(
        String subject, String aegisSpeedId, List<String> roles, String jti, Instant issuedAt, Instant expiresAt,
        String raw) {

    /** Holds any admin role ({@code 组织管理员}, {@code 管理员}, {@code 超级管理员}). */
    public boolean isAdmin() {
        return roles.stream().map(Role::fromLabel).anyMatch(r -> r.map(Role::isAdmin).orElse(false));
    }

    /** Holds a role that may open and close endpoints ({@code 管理员}, {@code 超级管理员}). */
    public boolean mayChangeEndpointFlags() {
        return roles.stream().map(Role::fromLabel).anyMatch(r -> r.map(Role::mayChangeEndpointFlags).orElse(false));
    }
}
