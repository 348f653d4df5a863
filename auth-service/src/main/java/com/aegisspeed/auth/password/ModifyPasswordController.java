package com.aegisspeed.auth.password;

import com.aegisspeed.auth.AuthCodes.ModifyPassword;
import com.aegisspeed.auth.login.ClientAddress;
import com.aegisspeed.auth.login.LoginAttempts;
import com.aegisspeed.auth.login.LoginGuard.LoginSubjects;
import com.aegisspeed.auth.revocation.Revocations;
import com.aegisspeed.common.envelope.ApiEndpoint;
import com.aegisspeed.common.envelope.ApiResponse;
import com.aegisspeed.common.envelope.Overloaded;
import com.aegisspeed.common.envelope.Refusal;
import com.aegisspeed.common.identity.PasswordPolicy;
import com.aegisspeed.common.identity.Role;
import com.aegisspeed.common.internal.InternalUser;
import com.aegisspeed.common.internal.UserDirectoryClient;
import com.aegisspeed.common.token.AcknowledgedRevocations;
import com.aegisspeed.common.token.VerifiedToken;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /user/info/modify_user_password} (added, docs/internal-api.md): the current password and a new one.
 * Codes (by analogy with the phone change): 10000 changed · 401 10001 bad token · 403 10002 not open · 401 10003
 * current password wrong · 500 10004 server error · 400 10005 new password outside the policy (8–128 characters,
 * not a common one) · 429 00001 too many wrong current passwords.
 *
 * <p>It lives here, not in user-service, so that every password check and its attempt counters have one owner: the
 * current password is checked like a login ({@link LoginAttempts}, the same budgets), and user-service is only asked
 * to check and to store, never to call back. Every token of the user issued so far is revoked before the new
 * password is stored: if storing then fails, the user logs in again with the old one, and a stolen token never
 * outlives a change.
 */
@Secured(SecurityRule.IS_AUTHENTICATED)
@Controller("/user/info")
public class ModifyPasswordController {

    static final String TOO_MANY_FAILURES = "Too many failed password attempts, try again later";

    private final UserDirectoryClient users;
    private final LoginAttempts attempts;
    private final PasswordPolicy policy;
    private final Revocations revocations;
    private final AcknowledgedRevocations acknowledged;
    private final ClientAddress clientAddress;

    public ModifyPasswordController(UserDirectoryClient users, LoginAttempts attempts, PasswordPolicy policy,
                                    Revocations revocations, AcknowledgedRevocations acknowledged,
                                    ClientAddress clientAddress) {
        this.users = users;
        this.attempts = attempts;
        this.policy = policy;
        this.revocations = revocations;
        this.acknowledged = acknowledged;
        this.clientAddress = clientAddress;
    }

    @Serdeable
    public record PasswordChange(
            @NotNull @JsonProperty("user_password") String currentPassword,
            @NotNull @JsonProperty("new_user_password") String newPassword) {
    }

    @Post("/modify_user_password")
    @ApiEndpoint(internalErrorCode = ModifyPassword.INTERNAL_ERROR, notOpenCode = ModifyPassword.NOT_OPEN)
    public ApiResponse modifyUserPassword(VerifiedToken token, @Valid @Body PasswordChange change, HttpRequest<?> request) {
        if (!policy.accepts(change.newPassword())) {
            throw new Refusal(HttpStatus.BAD_REQUEST, ModifyPassword.INVALID_NEW_PASSWORD, "Invalid new user password");
        }
        Optional<InternalUser> account = users.findByPublicId(token.subject());
        if (account.isEmpty()) {
            throw new Refusal(HttpStatus.UNAUTHORIZED, ModifyPassword.TOKEN_INVALID, "Token expired or invalid");
        }
        InternalUser user = account.get();
        boolean admin = Role.fromLabel(user.role()).map(Role::isAdmin).orElse(false);
        String address = clientAddress.of(request);
        LoginAttempts.Outcome outcome = attempts.reentry(user, LoginSubjects.forAccount(user.idNumber(), admin, address),
                address, change.currentPassword());
        if (outcome instanceof LoginAttempts.Outcome.Locked locked) {
            throw new Overloaded(locked.retryAfter(), TOO_MANY_FAILURES);
        }
        if (outcome instanceof LoginAttempts.Outcome.WrongPassword) {
            throw new Refusal(HttpStatus.UNAUTHORIZED, ModifyPassword.WRONG_PASSWORD, "Invalid user password");
        }
        if (!(outcome instanceof LoginAttempts.Outcome.Valid)) {
            throw new Refusal(HttpStatus.UNAUTHORIZED, ModifyPassword.TOKEN_INVALID, "Token expired or invalid");
        }
        acknowledged.acknowledge(revocations.revokeAllOf(token.subject()));
        if (!users.changePassword(token.subject(), change.newPassword(), address)) {
            throw new Refusal(HttpStatus.UNAUTHORIZED, ModifyPassword.TOKEN_INVALID, "Token expired or invalid");
        }
        return ApiResponse.success("Password modified successfully", Map.of());
    }
}
