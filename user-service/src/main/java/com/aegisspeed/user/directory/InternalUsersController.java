package com.aegisspeed.user.directory;

import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import com.aegisspeed.user.UserCodes.Internal;
import com.aegisspeed.common.envelope.ApiResponse;
import com.aegisspeed.common.envelope.Codes;
import com.aegisspeed.common.envelope.Refusal;
import com.aegisspeed.common.identity.IdNumbers;
import com.aegisspeed.common.identity.Role;
import com.aegisspeed.common.internal.CredentialsCheck;
import com.aegisspeed.common.internal.NewUser;
import com.aegisspeed.common.internal.UserDirectoryClient;
import com.aegisspeed.user.account.DuplicateUserException;
import com.aegisspeed.user.account.UserAccount;
import com.aegisspeed.user.account.UserAccountRepository;
import com.aegisspeed.user.account.UserState;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import java.util.Optional;
import io.swagger.v3.oas.annotations.Hidden;

/**
 * user-service's internal API (docs/internal-api.md), reached only with the internal secret. Input comes
 * validated from auth-service; here only its shape is checked.
 */
@Hidden
@Secured(SecurityRule.IS_ANONYMOUS)
@Controller("/internal/users")
public class InternalUsersController {

    private final UserDirectory directory;
    private final UserAccountRepository users;

    public InternalUsersController(UserDirectory directory, UserAccountRepository users) {
        this.directory = directory;
        this.users = users;
    }

    @Serdeable
    public record StateChange(@NotNull @JsonProperty("user_state") String state) {
    }

    @Serdeable
    public record PasswordChange(@NotNull @JsonProperty("user_password") String password) {
    }

    @Post
    public HttpResponse<ApiResponse> create(@Valid @Body NewUser user, @Nullable @Header(UserDirectoryClient.CLIENT_HEADER) String client) {
        if (user.idNumber() == null || user.name() == null || user.phoneNumber() == null || user.email() == null
                || user.password() == null) {
            throw new Refusal(HttpStatus.BAD_REQUEST, Codes.MALFORMED_REQUEST, "Malformed request: a field is missing");
        }
        Optional<Role> role = user.role() == null ? Optional.of(Role.USER) : Role.fromLabel(user.role());
        if (role.isEmpty()) {
            throw new Refusal(HttpStatus.BAD_REQUEST, Codes.MALFORMED_REQUEST, "Malformed request: unknown user_role");
        }
        try {
            UserAccount created = directory.create(user.idNumber(), user.name(), user.phoneNumber(), user.email(),
                    user.password(), role.get(), clientOf(client));
            return HttpResponse.ok(ApiResponse.success("User created", InternalUsers.of(created)));
        } catch (DuplicateUserException e) {
            throw switch (e.key()) {
                case ID_NUMBER -> new Refusal(HttpStatus.CONFLICT, Internal.ID_NUMBER_TAKEN, "User ID number already registered");
                case PHONE_NUMBER -> new Refusal(HttpStatus.CONFLICT, Internal.PHONE_TAKEN, "User phone number already registered");
                case EMAIL -> new Refusal(HttpStatus.CONFLICT, Internal.EMAIL_TAKEN, "User email already registered");
                // A random public id or the sequence colliding is a fault, not the caller's doing.
                default -> e;
            };
        }
    }

    @Post("/credentials")
    public HttpResponse<ApiResponse> credentials(@Valid @Body CredentialsCheck attempt,
                                                 @Nullable @Header(UserDirectoryClient.CLIENT_HEADER) String client) {
        if (attempt.password() == null || (attempt.idNumber() == null) == (attempt.aegisSpeedId() == null)) {
            throw new Refusal(HttpStatus.BAD_REQUEST, Codes.MALFORMED_REQUEST, "Malformed request: give user_password and one of user_id, user_AegisSpeed_id");
        }
        Optional<UserAccount> user = attempt.idNumber() != null
                ? users.findByIdNumber(IdNumbers.normalize(attempt.idNumber()))
                : users.findByAegisSpeedId(attempt.aegisSpeedId());
        String identifier = attempt.idNumber() != null ? IdNumbers.normalize(attempt.idNumber()) : attempt.aegisSpeedId();
        UserDirectory.Credentials result = directory.check(user, identifier, attempt.password(), clientOf(client));
        if (result instanceof UserDirectory.Credentials.Valid valid) {
            return HttpResponse.ok(ApiResponse.success("Credentials valid", InternalUsers.of(valid.user())));
        }
        if (result instanceof UserDirectory.Credentials.WrongPassword) {
            throw new Refusal(HttpStatus.UNAUTHORIZED, Internal.WRONG_PASSWORD, "Invalid username or password");
        }
        throw noSuchUser();
    }

    @Get("/{publicId}")
    public HttpResponse<ApiResponse> byPublicId(@PathVariable String publicId) {
        return found(users.findByPublicId(publicId));
    }

    @Get("/by-id-number/{idNumber}")
    public HttpResponse<ApiResponse> byIdNumber(@PathVariable String idNumber) {
        return found(users.findByIdNumber(IdNumbers.normalize(idNumber)));
    }

    @Get("/by-aegisspeed-id/{aegisSpeedId}")
    public HttpResponse<ApiResponse> byAegisSpeedId(@PathVariable String aegisSpeedId) {
        return found(users.findByAegisSpeedId(aegisSpeedId));
    }

    /** A new password, hashed here; the current one was checked by auth-service, which also revoked the user's tokens. */
    @Put("/{publicId}/password")
    public HttpResponse<ApiResponse> changePassword(@PathVariable String publicId, @Valid @Body PasswordChange change,
                                                    @Nullable @Header(UserDirectoryClient.CLIENT_HEADER) String client) {
        if (!directory.changePassword(publicId, change.password(), clientOf(client))) {
            throw noSuchUser();
        }
        return found(users.findByPublicId(publicId));
    }

    @Put("/{publicId}/state")
    public HttpResponse<ApiResponse> changeState(@PathVariable String publicId, @Valid @Body StateChange change) {
        Optional<UserState> state = UserState.fromValue(change.state());
        if (state.isEmpty()) {
            throw new Refusal(HttpStatus.BAD_REQUEST, Codes.MALFORMED_REQUEST, "Malformed request: user_state must be active or cheater");
        }
        return found(users.updateState(publicId, state.get()));
    }

    /**
     * The client address a hash is made for, as the calling service names it (only services holding the internal
     * secret reach these endpoints): its share of the hashing pool. Unnamed, all such calls share one.
     */
    private static String clientOf(@Nullable String client) {
        return client == null ? "" : client;
    }

    private static HttpResponse<ApiResponse> found(Optional<UserAccount> user) {
        UserAccount found = user.orElseThrow(InternalUsersController::noSuchUser);
        return HttpResponse.ok(ApiResponse.success("User found", InternalUsers.of(found)));
    }

    private static Refusal noSuchUser() {
        return new Refusal(HttpStatus.NOT_FOUND, Internal.NO_SUCH_USER, "User does not exist");
    }
}
