package com.aegisspeed.auth.adminsecret;

import com.aegisspeed.auth.AuthCodes.AdminSecret;
import com.aegisspeed.auth.login.ClientAddress;
import com.aegisspeed.auth.login.LoginAttempts;
import com.aegisspeed.auth.login.LoginGuard.LoginSubjects;
import com.aegisspeed.auth.login.TokenResponses;
import com.aegisspeed.common.envelope.ApiEndpoint;
import com.aegisspeed.common.identity.Role;
import io.micronaut.security.annotation.Secured;
import com.aegisspeed.common.envelope.ApiResponse;
import com.aegisspeed.common.envelope.Refusal;
import com.aegisspeed.common.internal.InternalUser;
import com.aegisspeed.common.internal.UserDirectoryClient;
import com.aegisspeed.common.token.VerifiedToken;
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

import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /user/login_admin_info/verify/get_secret_admin_password} (docs/contract.md): an admin re-enters
 * the password with a valid admin token and gets a dynamic secret valid 10 minutes, bound to that token, to
 * send as {@code X-Admin-Secret}. The re-entry is guarded like a login ({@code LoginGuard}), on a budget of its own
 * that anonymous login attempts cannot spend (docs/security.md).
 * Codes (the reference has none): 10000 issued · 401 10001 bad token · 403 10002 not open · 500 10003 server
 * error · 401 10004 wrong password · 401 10005 not an admin account · 429 00001 too many failures.
 */
@Controller
public class AdminSecretController {

    private final AdminSecrets secrets;
    private final LoginAttempts attempts;
    private final UserDirectoryClient users;
    private final ClientAddress clientAddress;

    public AdminSecretController(AdminSecrets secrets, LoginAttempts attempts, UserDirectoryClient users,
                                 ClientAddress clientAddress) {
        this.secrets = secrets;
        this.attempts = attempts;
        this.users = users;
        this.clientAddress = clientAddress;
    }

    @Serdeable
    public record PasswordReentry(@NotNull @JsonProperty("user_password") String userPassword) {
    }

    @Serdeable
    public record IssuedSecret(@JsonProperty("admin_secret") String adminSecret, @JsonProperty("expires_in") long expiresIn) {
    }

    @Post("/user/login_admin_info/verify/get_secret_admin_password")
    @Secured({Role.Labels.ORG_ADMIN, Role.Labels.ADMIN, Role.Labels.SUPER_ADMIN})
    @ApiEndpoint(internalErrorCode = AdminSecret.INTERNAL_ERROR, notOpenCode = AdminSecret.NOT_OPEN,
            roleRefusedCode = AdminSecret.NOT_ADMIN, roleRefusedStatus = 401,
            roleRefusedText = "This account is not an admin account")
    public HttpResponse<ApiResponse> getSecretAdminPassword(VerifiedToken token, @Valid @Body PasswordReentry body,
                                                            HttpRequest<?> request) {
        Optional<InternalUser> account = users.findByPublicId(token.subject());
        if (account.isEmpty()) {
            throw new Refusal(HttpStatus.UNAUTHORIZED, AdminSecret.TOKEN_INVALID, "Token expired or invalid");
        }
        LoginAttempts.Outcome outcome = attempts.reentry(account.get(),
                LoginSubjects.forSecretReentry(token.subject()), clientAddress.of(request), body.userPassword());
        if (outcome instanceof LoginAttempts.Outcome.Locked locked) {
            throw TokenResponses.locked(locked.retryAfter());
        }
        if (outcome instanceof LoginAttempts.Outcome.Valid valid && valid.user().publicId().equals(token.subject())) {
            String secret = secrets.issue(token.jti());
            return HttpResponse.ok(ApiResponse.success("Admin secret issued",
                    new IssuedSecret(secret, AdminSecrets.LIFETIME.toSeconds())));
        }
        if (outcome instanceof LoginAttempts.Outcome.WrongPassword) {
            throw new Refusal(HttpStatus.UNAUTHORIZED, AdminSecret.WRONG_PASSWORD, "Invalid user password");
        }
        // The token's account no longer exists.
        throw new Refusal(HttpStatus.UNAUTHORIZED, AdminSecret.TOKEN_INVALID, "Token expired or invalid");
    }
}
