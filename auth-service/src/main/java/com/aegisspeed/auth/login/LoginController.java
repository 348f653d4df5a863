package com.aegisspeed.auth.login;

import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import com.aegisspeed.auth.AuthCodes.Login;
import com.aegisspeed.auth.token.TokenIssuer;
import com.aegisspeed.common.envelope.ApiEndpoint;
import com.aegisspeed.common.envelope.ApiResponse;
import com.aegisspeed.common.envelope.Envelope;
import com.aegisspeed.common.envelope.Refusal;
import com.aegisspeed.common.identity.AegisSpeedIds;
import com.aegisspeed.common.identity.IdNumbers;
import com.aegisspeed.common.identity.PasswordPolicy;
import com.aegisspeed.common.identity.Role;
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

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

/**
 * {@code POST /user/login/login_user_info} (by ID number) and
 * {@code POST /user/login/login_admin_info_by_aegisspeed_id} (admin roles only), docs/api-auth-user.md.
 * Both draw on the account's and the client address's budgets of failures ({@link LoginGuard}), whichever
 * identifier names the account.
 */
@Secured(SecurityRule.IS_ANONYMOUS)
@Controller("/user/login")
public class LoginController {

    static final String SUCCESS_TEXT = "Login successful";

    private final LoginAttempts attempts;
    private final TokenIssuer tokens;
    private final ClientAddress clientAddress;
    private final Clock clock;

    public LoginController(LoginAttempts attempts, TokenIssuer tokens, ClientAddress clientAddress, Clock clock) {
        this.attempts = attempts;
        this.tokens = tokens;
        this.clientAddress = clientAddress;
        this.clock = clock;
    }

    @Serdeable
    public record UserLogin(
            @NotNull @JsonProperty("user_id") String userId,
            @NotNull @JsonProperty("user_password") String userPassword) {
    }

    @Serdeable
    public record AdminLogin(
            @NotNull @JsonProperty("user_AegisSpeed_id") String aegisSpeedId,
            @NotNull @JsonProperty("user_password") String userPassword) {
    }

    @Post("/login_user_info")
    @ApiEndpoint(internalErrorCode = Login.INTERNAL_ERROR, notOpenCode = Login.NOT_OPEN, envelope = Envelope.TOKEN)
    public HttpResponse<ApiResponse> loginUserInfo(@Valid @Body UserLogin login, HttpRequest<?> request) {
        String address = clientAddress.of(request);
        if (!IdNumbers.isValid(login.userId(), LocalDate.now(clock))) {
            return answer(attempts.refuseMalformed(address), false);
        }
        return answer(attempts.byIdNumber(IdNumbers.normalize(login.userId()), address, login.userPassword()), false);
    }

    @Post("/login_admin_info_by_aegisspeed_id")
    @ApiEndpoint(internalErrorCode = Login.INTERNAL_ERROR, notOpenCode = Login.NOT_OPEN, envelope = Envelope.TOKEN)
    public HttpResponse<ApiResponse> loginAdminInfoByAegisSpeedId(@Valid @Body AdminLogin login, HttpRequest<?> request) {
        if (!AegisSpeedIds.isValid(login.aegisSpeedId())) {
            throw new Refusal(HttpStatus.BAD_REQUEST, Login.INVALID_AEGISSPEED_ID, "Invalid AegisSpeed ID");
        }
        // No stored password can be outside the policy's lengths: such an attempt needs no check.
        if (!PasswordPolicy.hasPossibleLength(login.userPassword())) {
            throw new Refusal(HttpStatus.BAD_REQUEST, Login.INVALID_PASSWORD, "Invalid user password");
        }
        return answer(attempts.byAegisSpeedId(login.aegisSpeedId(), clientAddress.of(request), login.userPassword()), true);
    }

    private HttpResponse<ApiResponse> answer(LoginAttempts.Outcome outcome, boolean adminOnly) {
        if (outcome instanceof LoginAttempts.Outcome.Locked locked) {
            throw TokenResponses.locked(locked.retryAfter());
        }
        if (outcome instanceof LoginAttempts.Outcome.WrongPassword) {
            throw new Refusal(HttpStatus.UNAUTHORIZED, Login.WRONG_PASSWORD, "Invalid username or password");
        }
        if (!(outcome instanceof LoginAttempts.Outcome.Valid valid)) {
            throw new Refusal(HttpStatus.UNAUTHORIZED, Login.NO_SUCH_USER, "User does not exist");
        }
        if (!adminOnly) {
            return TokenResponses.issued(SUCCESS_TEXT, Map.of(), tokens.issueFor(valid.user()));
        }
        if (!Role.fromLabel(valid.user().role()).map(Role::isAdmin).orElse(false)) {
            throw new Refusal(HttpStatus.UNAUTHORIZED, Login.NOT_ADMIN, "This account is not an admin account");
        }
        return TokenResponses.issued(SUCCESS_TEXT, Map.of("user_id", IdNumbers.mask(valid.user().idNumber())),
                tokens.issueFor(valid.user()));
    }
}
