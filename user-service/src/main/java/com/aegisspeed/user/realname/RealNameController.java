package com.aegisspeed.user.realname;

import com.aegisspeed.common.envelope.ApiEndpoint;
import com.aegisspeed.common.envelope.AvailabilityResponse;
import com.aegisspeed.common.envelope.Codes;
import com.aegisspeed.common.envelope.Envelope;
import com.aegisspeed.common.envelope.Refusal;
import com.aegisspeed.common.identity.IdNumbers;
import com.aegisspeed.common.identity.PersonNames;
import com.aegisspeed.user.UserCodes.RealName;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import java.time.Clock;
import java.time.LocalDate;

/**
 * {@code POST /verify/verify_user_id_and_name}: whether an ID number and a name belong together (a real-name
 * check), in the availability envelope ({@code result: true} = they match). The configured
 * {@link IdentityVerifier} decides: by default the registered accounts, or an identity-verification service.
 * Codes: 10000 match, 10003 no match, 10006 no record of the ID number, 400 10002 invalid ID number, 400 10005
 * invalid name, 403 10001 not open, 429 00001 too many checks of one ID number, 503 00002 provider unavailable,
 * 500 10004 server fault.
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
public class RealNameController {

    private final IdentityVerifier verifier;
    private final RealNameAttempts attempts;
    private final Clock clock;

    public RealNameController(IdentityVerifier verifier, RealNameAttempts attempts, Clock clock) {
        this.verifier = verifier;
        this.attempts = attempts;
        this.clock = clock;
    }

    @Serdeable
    public record RealNameRequest(@NotNull @JsonProperty("user_id") String userId,
                                  @NotNull @JsonProperty("user_name") String userName) {
    }

    @Post("/verify/verify_user_id_and_name")
    @ApiEndpoint(internalErrorCode = RealName.INTERNAL_ERROR, notOpenCode = RealName.NOT_OPEN, envelope = Envelope.AVAILABILITY)
    public HttpResponse<AvailabilityResponse> verifyUserIdAndName(@Valid @Body RealNameRequest request) {
        if (!IdNumbers.isValid(request.userId(), LocalDate.now(clock))) {
            throw invalidIdNumber();
        }
        if (!PersonNames.isValid(request.userName())) {
            throw invalidName();
        }
        String idNumber = IdNumbers.normalize(request.userId());
        attempts.take(idNumber);
        IdentityVerifier.Verdict verdict;
        try {
            verdict = verifier.verify(idNumber, request.userName());
        } catch (IdentityProviderUnavailableException e) {
            throw new Refusal(HttpStatus.SERVICE_UNAVAILABLE, Codes.UPSTREAM_UNAVAILABLE,
                    "Identity verification is unavailable, try again later");
        }
        return HttpResponse.ok(switch (verdict) {
            case MATCH -> new AvailabilityResponse(200, Codes.SUCCESS, "ID number and name match", true);
            case MISMATCH -> new AvailabilityResponse(200, RealName.MISMATCH, "ID number and name do not match", false);
            case NO_RECORD -> new AvailabilityResponse(200, RealName.NO_RECORD, "No record of this ID number", false);
            case INVALID_ID_NUMBER -> throw invalidIdNumber();
            case INVALID_NAME -> throw invalidName();
        });
    }

    private static Refusal invalidIdNumber() {
        return new Refusal(HttpStatus.BAD_REQUEST, RealName.INVALID_ID_NUMBER, "Invalid user ID format");
    }

    private static Refusal invalidName() {
        return new Refusal(HttpStatus.BAD_REQUEST, RealName.INVALID_NAME, "Invalid user name");
    }
}
