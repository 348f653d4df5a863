package com.aegisspeed.user.phone;

import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import com.aegisspeed.user.UserCodes.ModifyPhone;
import com.aegisspeed.common.envelope.ApiEndpoint;
import com.aegisspeed.common.envelope.ApiResponse;
import com.aegisspeed.common.envelope.Refusal;
import com.aegisspeed.common.identity.Phones;
import com.aegisspeed.common.token.VerifiedToken;
import com.aegisspeed.user.account.DuplicateUserException;
import com.aegisspeed.user.account.UniqueKey;
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

import java.util.Map;

/**
 * {@code POST /user/info/modify_user_phone_number} (docs/contract.md, "Codes by endpoint"):
 * 10000 changed (data: the new number, masked) · 401 10001 bad token · 403 10002 not open · 409 10003 the
 * number belongs to another user · 500 10004 server error · 400 10005 not a valid mobile number (no
 * documented code: added).
 */
@Secured(SecurityRule.IS_AUTHENTICATED)
@Controller("/user/info")
public class ModifyPhoneController {

    private final UserAccountRepository users;

    public ModifyPhoneController(UserAccountRepository users) {
        this.users = users;
    }

    @Serdeable
    public record PhoneChange(@NotNull @JsonProperty("user_phone_number") String phoneNumber) {
    }

    @Post("/modify_user_phone_number")
    @ApiEndpoint(internalErrorCode = ModifyPhone.INTERNAL_ERROR, notOpenCode = ModifyPhone.NOT_OPEN)
    public HttpResponse<ApiResponse> modifyUserPhoneNumber(VerifiedToken token, @Valid @Body PhoneChange change) {
        if (!Phones.isValid(change.phoneNumber())) {
            throw new Refusal(HttpStatus.BAD_REQUEST, ModifyPhone.INVALID_PHONE, "Invalid user phone number");
        }
        try {
            if (!users.updatePhoneNumber(token.subject(), change.phoneNumber())) {
                throw new Refusal(HttpStatus.UNAUTHORIZED, ModifyPhone.TOKEN_INVALID, "Token expired or invalid");
            }
        } catch (DuplicateUserException e) {
            if (e.key() != UniqueKey.PHONE_NUMBER) {
                throw e;
            }
            throw new Refusal(HttpStatus.CONFLICT, ModifyPhone.TAKEN, "Phone number already used by another user");
        }
        return HttpResponse.ok(ApiResponse.success("Phone number modified successfully",
                Map.of("user_phone_number", Phones.mask(change.phoneNumber()))));
    }
}
