package com.aegisspeed.user.password;

import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import com.aegisspeed.user.UserCodes.ModifyPassword;
import com.aegisspeed.common.identity.PasswordPolicy;
import com.aegisspeed.common.envelope.ApiEndpoint;
import com.aegisspeed.common.envelope.ApiResponse;
import com.aegisspeed.common.envelope.Overloaded;
import com.aegisspeed.common.envelope.Refusal;
import com.aegisspeed.common.internal.AuthInternalClient;
import com.aegisspeed.common.token.VerifiedToken;
import com.aegisspeed.user.account.UserAccount;
import com.aegisspeed.user.account.UserAccountRepository;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /user/info/modify_user_password} (added, docs/internal-api.md): the current password and a new
 * one. Every token of the user issued so far is revoked through auth-service, in the same step: when
 * auth-service cannot be reached the new password is not stored either. Codes (by analogy with the phone
 * change): 10000 changed · 401 10001 bad token · 403 10002 not open · 401 10003 current password wrong ·
 * 500 10004 server error · 400 10005 new password outside the policy (8–128 characters, not a common one) ·
 * 429 00001 too many wrong current passwords.
 *
 * <p>The current password is guarded like a login (docs/contract.md): a stolen token must not let anyone guess
 * it without limit. auth-service keeps the counters (one budget with the logins of the same ID number and client
 * address); while they say wait, the password is not even checked, and every check is counted there.
 */
@Secured(SecurityRule.IS_AUTHENTICATED)
@Controller("/user/info")
public class ModifyPasswordController {

    static final String TOO_MANY_FAILURES = "Too many failed password attempts, try again later";
    private static final String FORWARDED_FOR = "X-Forwarded-For";

    private final UserAccountRepository users;
    private final Argon2idHasher hasher;
    private final PasswordPolicy policy;
    private final AuthInternalClient auth;

    public ModifyPasswordController(UserAccountRepository users, Argon2idHasher hasher, PasswordPolicy policy,
                                    AuthInternalClient auth) {
        this.users = users;
        this.hasher = hasher;
        this.policy = policy;
        this.auth = auth;
    }

    @Serdeable
    public record PasswordChange(
            @NotNull @JsonProperty("user_password") String currentPassword,
            @NotNull @JsonProperty("new_user_password") String newPassword) {
    }

    @Post("/modify_user_password")
    @ApiEndpoint(internalErrorCode = ModifyPassword.INTERNAL_ERROR, notOpenCode = ModifyPassword.NOT_OPEN)
    public HttpResponse<ApiResponse> modifyUserPassword(VerifiedToken token, @Valid @Body PasswordChange change,
                                                       HttpRequest<?> request) {
        if (!policy.accepts(change.newPassword())) {
            throw new Refusal(HttpStatus.BAD_REQUEST, ModifyPassword.INVALID_NEW_PASSWORD, "Invalid new user password");
        }
        Optional<UserAccount> user = users.findByPublicId(token.subject());
        if (user.isEmpty()) {
            throw new Refusal(HttpStatus.UNAUTHORIZED, ModifyPassword.TOKEN_INVALID, "Token expired or invalid");
        }
        String idNumber = user.get().idNumber();
        String forwardedFor = request.getHeaders().get(FORWARDED_FOR);
        String peer = request.getRemoteAddress().getAddress().getHostAddress();
        long wait = auth.passwordAttemptWait(idNumber, forwardedFor, peer);
        if (wait > 0) {
            throw new Overloaded(Duration.ofSeconds(wait), TOO_MANY_FAILURES);
        }
        boolean matches = hasher.matches(change.currentPassword(), user.get().passwordHash());
        auth.recordPasswordAttempt(idNumber, forwardedFor, peer, matches);
        if (!matches) {
            throw new Refusal(HttpStatus.UNAUTHORIZED, ModifyPassword.WRONG_PASSWORD, "Invalid user password");
        }
        String newHash = hasher.hash(change.newPassword());
        users.updatePasswordHash(token.subject(), newHash, () -> auth.revokeTokens(token.subject()));
        return HttpResponse.ok(ApiResponse.success("Password modified successfully", Map.of()));
    }
}
