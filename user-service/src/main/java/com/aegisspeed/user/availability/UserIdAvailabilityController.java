package com.aegisspeed.user.availability;

import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import com.aegisspeed.common.envelope.Refusal;
import com.aegisspeed.user.UserCodes.IdAvailability;
import com.aegisspeed.common.envelope.ApiEndpoint;
import com.aegisspeed.common.envelope.AvailabilityResponse;
import com.aegisspeed.common.envelope.Codes;
import com.aegisspeed.common.envelope.Envelope;
import com.aegisspeed.common.identity.IdNumbers;
import com.aegisspeed.user.account.UserAccountRepository;
import com.fasterxml.jackson.annotation.JsonProperty;
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

/**
 * {@code POST /verify/verify_is_user_id_available}: whether an ID number is already registered, in the
 * availability envelope of the machine-code check ({@code result: true} = registered). Codes follow that
 * check: 10000 not registered, 10003 registered, 400 10002 invalid ID number, 403 10001 not open, and
 * 500 10004 for a server fault.
 */
@Secured(SecurityRule.IS_ANONYMOUS)
@Controller
public class UserIdAvailabilityController {

    private final UserAccountRepository users;
    private final Clock clock;

    public UserIdAvailabilityController(UserAccountRepository users, Clock clock) {
        this.users = users;
        this.clock = clock;
    }

    @Serdeable
    public record AvailabilityRequest(@NotNull @JsonProperty("user_id") String userId) {
    }

    @Post("/verify/verify_is_user_id_available")
    @ApiEndpoint(internalErrorCode = IdAvailability.INTERNAL_ERROR, notOpenCode = IdAvailability.NOT_OPEN, envelope = Envelope.AVAILABILITY)
    public HttpResponse<AvailabilityResponse> verifyIsUserIdAvailable(@Valid @Body AvailabilityRequest request) {
        if (!IdNumbers.isValid(request.userId(), LocalDate.now(clock))) {
            throw new Refusal(HttpStatus.BAD_REQUEST, IdAvailability.INVALID_ID_NUMBER, "Invalid user ID format");
        }
        boolean registered = users.findByIdNumber(IdNumbers.normalize(request.userId())).isPresent();
        return HttpResponse.ok(registered
                ? new AvailabilityResponse(HttpStatus.OK.getCode(), IdAvailability.REGISTERED, "User ID number already registered", true)
                : new AvailabilityResponse(HttpStatus.OK.getCode(), Codes.SUCCESS, "User ID number not registered", false));
    }
}
