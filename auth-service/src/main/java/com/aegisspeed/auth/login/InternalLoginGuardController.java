package com.aegisspeed.auth.login;

import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import com.aegisspeed.auth.login.LoginGuard.LoginSubjects;
import com.aegisspeed.common.envelope.ApiResponse;
import com.aegisspeed.common.envelope.Overloaded;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import java.util.Map;
import java.util.Optional;
import io.swagger.v3.oas.annotations.Hidden;

/**
 * {@code /internal/login-guard} (docs/internal-api.md): the brute-force counters of {@link LoginGuard} for password
 * checks made elsewhere, i.e. user-service's check of the current password on a password change. They count on
 * the same account (by ID number) and client address as logins do, so guessing a password there or at the login
 * draws on one budget of 5 (account) and 20 (address) failures.
 */
@Hidden
@Secured(SecurityRule.IS_ANONYMOUS)
@Controller("/internal/login-guard")
public class InternalLoginGuardController {

    private final LoginGuard guard;
    private final ClientAddress clientAddress;

    public InternalLoginGuardController(LoginGuard guard, ClientAddress clientAddress) {
        this.guard = guard;
        this.clientAddress = clientAddress;
    }

    /**
     * Who tries: the account's ID number and where the attempt came from as the caller saw it, its
     * {@code X-Forwarded-For} (believed only as auth-service believes it for logins) and its peer address.
     */
    @Serdeable
    public record Attempt(
            @NotNull @JsonProperty("user_id") String idNumber,
            @Nullable @JsonProperty("forwarded_for") String forwardedFor,
            @NotNull @JsonProperty("peer_address") String peerAddress,
            @Nullable Boolean succeeded) {

        LoginSubjects subjects(ClientAddress clientAddress) {
            return LoginSubjects.of(Optional.of(idNumber), clientAddress.of(forwardedFor, peerAddress));
        }
    }

    /** {@code retry_after}: the seconds to wait before the password may be tried (0: now). */
    @Post("/check")
    public ApiResponse check(@Valid @Body Attempt attempt) {
        long seconds = guard.waitBeforeAttempt(attempt.subjects(clientAddress))
                .map(Overloaded::retryAfterSeconds).orElse(0L);
        return ApiResponse.success("Checked", Map.of("retry_after", seconds));
    }

    /** Counts a failed check ({@code succeeded} false); a successful one clears the account's count, as a login does. */
    @Post("/outcome")
    public ApiResponse outcome(@Valid @Body Attempt attempt) {
        LoginSubjects subjects = attempt.subjects(clientAddress);
        if (Boolean.TRUE.equals(attempt.succeeded())) {
            guard.succeeded(subjects);
        } else {
            guard.failed(subjects);
        }
        return ApiResponse.success("Counted", Map.of());
    }
}
