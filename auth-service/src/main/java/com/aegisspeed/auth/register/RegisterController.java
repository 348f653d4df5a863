package com.aegisspeed.auth.register;

import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import com.aegisspeed.auth.AuthCodes.Register;
import com.aegisspeed.common.identity.PasswordPolicy;
import com.aegisspeed.auth.login.TokenResponses;
import com.aegisspeed.auth.token.TokenIssuer;
import com.aegisspeed.common.envelope.ApiEndpoint;
import com.aegisspeed.common.envelope.ApiResponse;
import com.aegisspeed.common.envelope.Envelope;
import com.aegisspeed.common.envelope.Refusal;
import com.aegisspeed.common.identity.Emails;
import com.aegisspeed.common.identity.IdNumbers;
import com.aegisspeed.common.identity.Phones;
import com.aegisspeed.common.identity.PersonNames;
import com.aegisspeed.common.internal.InternalUser;
import com.aegisspeed.common.internal.NewUser;
import com.aegisspeed.common.internal.UserConflictException;
import com.aegisspeed.common.internal.UserDirectoryClient;
import com.aegisspeed.auth.login.ClientAddress;
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
 * {@code POST /user/register/register_user_info} (docs/api-auth-user.md): validates the fields in the
 * documented order, has user-service create the user (it hashes the password and assigns the AegisSpeed ID;
 * its unique keys decide concurrent registrations) and answers a token. Validation failures answer 400
 * (docs/contract.md), conflicts 409. The password policy has no documented code: {@code 10010}.
 */
@Secured(SecurityRule.IS_ANONYMOUS)
@Controller("/user/register")
public class RegisterController {

    private static final Map<String, String> CONFLICT_TEXTS = Map.of(
            Register.ID_NUMBER_TAKEN, "User ID number already registered",
            Register.PHONE_TAKEN, "User phone number already registered",
            Register.EMAIL_TAKEN, "User email already registered");

    private final UserDirectoryClient users;
    private final TokenIssuer tokens;
    private final PasswordPolicy passwordPolicy;
    private final ClientAddress clientAddress;
    private final Clock clock;

    public RegisterController(UserDirectoryClient users, TokenIssuer tokens, PasswordPolicy passwordPolicy,
                              ClientAddress clientAddress, Clock clock) {
        this.users = users;
        this.tokens = tokens;
        this.passwordPolicy = passwordPolicy;
        this.clientAddress = clientAddress;
        this.clock = clock;
    }

    @Serdeable
    public record Registration(
            @NotNull @JsonProperty("user_id") String userId,
            @NotNull @JsonProperty("user_name") String userName,
            @NotNull @JsonProperty("user_phone_number") String userPhoneNumber,
            @NotNull @JsonProperty("user_email") String userEmail,
            @NotNull @JsonProperty("user_password") String userPassword) {
    }

    @Post("/register_user_info")
    @ApiEndpoint(internalErrorCode = Register.INTERNAL_ERROR, notOpenCode = Register.NOT_OPEN, envelope = Envelope.TOKEN)
    public HttpResponse<ApiResponse> registerUserInfo(@Valid @Body Registration registration, HttpRequest<?> request) {
        if (!IdNumbers.isValid(registration.userId(), LocalDate.now(clock))) {
            throw invalid(Register.INVALID_ID_NUMBER, "用户身份证号不合法");
        }
        if (!PersonNames.isValid(registration.userName())) {
            throw invalid(Register.INVALID_NAME, "用户姓名不合法");
        }
        if (!Phones.isValid(registration.userPhoneNumber())) {
            throw invalid(Register.INVALID_PHONE, "用户手机号不合法");
        }
        if (!Emails.isValid(registration.userEmail())) {
            throw invalid(Register.INVALID_EMAIL, "用户邮箱不合法");
        }
        if (!passwordPolicy.accepts(registration.userPassword())) {
            throw invalid(Register.INVALID_PASSWORD, "用户密码不合法");
        }
        InternalUser user;
        try {
            user = users.create(new NewUser(IdNumbers.normalize(registration.userId()), registration.userName(),
                    registration.userPhoneNumber(), Emails.normalize(registration.userEmail()),
                    registration.userPassword(), null), clientAddress.of(request));
        } catch (UserConflictException e) {
            String text = CONFLICT_TEXTS.get(e.code());
            if (text == null) {
                throw new IllegalStateException("user-service answered an unknown conflict code " + e.code());
            }
            throw new Refusal(HttpStatus.CONFLICT, e.code(), text);
        }
        return TokenResponses.issued("注册成功",
                Map.of("user_id", IdNumbers.mask(user.idNumber()), "user_name", user.name()), tokens.issueForNewUser(user));
    }

    private static Refusal invalid(String code, String text) {
        return new Refusal(HttpStatus.BAD_REQUEST, code, text);
    }
}
