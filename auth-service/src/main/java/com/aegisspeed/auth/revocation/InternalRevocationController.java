package com.aegisspeed.auth.revocation;

import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import com.aegisspeed.common.envelope.ApiResponse;
import com.aegisspeed.common.token.RevocationFeed;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;

import java.util.List;
import io.swagger.v3.oas.annotations.Hidden;

/** The internal revocation API of docs/internal-api.md (guarded by the internal secret). */
@Hidden
@Secured(SecurityRule.IS_ANONYMOUS)
@Controller("/internal")
public class InternalRevocationController {

    private final RevocationRepository repository;
    private final Revocations revocations;

    public InternalRevocationController(RevocationRepository repository, Revocations revocations) {
        this.repository = repository;
        this.revocations = revocations;
    }

    /** The feed verifiers poll: entries after {@code after}, oldest first, one page at a time. */
    @Get("/revocations")
    public ApiResponse feed(@QueryValue(defaultValue = "0") long after) {
        List<RevocationFeed.Entry> entries = repository.after(after);
        long lastSeq = entries.isEmpty() ? after : entries.get(entries.size() - 1).seq();
        return ApiResponse.success("Revocations", new RevocationFeed(entries, lastSeq));
    }

    /**
     * Revokes every token of the user issued up to now (password change, cheater ban) and answers the revocation,
     * so the caller can make it take effect at once where it answers.
     */
    @Post("/users/{publicId}/revoke-tokens")
    public ApiResponse revokeTokens(@PathVariable String publicId) {
        return ApiResponse.success("Tokens revoked", revocations.revokeAllOf(publicId));
    }
}
