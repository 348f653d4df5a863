package com.aegisspeed.user.info;

import com.aegisspeed.common.identity.Role;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import com.aegisspeed.user.UserCodes.Info;
import com.aegisspeed.common.envelope.ApiEndpoint;
import com.aegisspeed.common.envelope.ApiResponse;
import com.aegisspeed.common.envelope.Refusal;
import com.aegisspeed.common.identity.Emails;
import com.aegisspeed.common.identity.IdNumbers;
import com.aegisspeed.common.identity.Phones;
import com.aegisspeed.common.authservice.AuthInternalClient;
import com.aegisspeed.common.token.VerifiedToken;
import com.aegisspeed.user.account.UserAccount;
import com.aegisspeed.user.account.UserAccountRepository;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.serde.annotation.Serdeable;

import java.util.Optional;

/**
 * {@code GET /user/info/get_user_info} (docs/contract.md: masked ID number, phone and e-mail) and
 * {@code GET /user/info/get_admin_info} (docs/api-auth-user.md: an admin token plus the dynamic admin secret
 * in {@code X-Admin-Secret}, checked with auth-service).
 */
@Secured(SecurityRule.IS_AUTHENTICATED)
@Controller("/user/info")
public class UserInfoController {

    private static final String ADMIN_SECRET_INVALID_TEXT = "动态密钥已过期或无效";

    private final UserAccountRepository users;
    private final AuthInternalClient auth;

    public UserInfoController(UserAccountRepository users, AuthInternalClient auth) {
        this.users = users;
        this.auth = auth;
    }

    @Serdeable
    public record UserInfo(
            @JsonProperty("user_id") String userId,
            @JsonProperty("user_name") String userName,
            @JsonProperty("user_AegisSpeed_id") String aegisSpeedId,
            @JsonProperty("user_phone_number") String phoneNumber,
            @JsonProperty("user_email") String email,
            @JsonProperty("user_role") String role,
            @JsonProperty("user_state") String state) {
    }

    @Serdeable
    public record AdminInfo(
            @JsonProperty("admin_AegisSpeed_id") String aegisSpeedId,
            @JsonProperty("admin_nickname") String nickname) {
    }

    @Get("/get_user_info")
    @ApiEndpoint(internalErrorCode = Info.INTERNAL_ERROR, notOpenCode = Info.NOT_OPEN)
    public HttpResponse<ApiResponse> getUserInfo(VerifiedToken token) {
        Optional<UserAccount> found = users.findByPublicId(token.subject());
        if (found.isEmpty()) {
            throw new Refusal(HttpStatus.UNAUTHORIZED, Info.TOKEN_INVALID, "Token expired or invalid");
        }
        UserAccount user = found.get();
        return HttpResponse.ok(ApiResponse.success("User information retrieved successfully", new UserInfo(
                IdNumbers.mask(user.idNumber()), user.userName(), user.aegisSpeedId(), Phones.mask(user.phoneNumber()),
                Emails.mask(user.email()), user.role().label(), user.state().value())));
    }

    /**
     * A token without an admin role cannot hold an admin secret: {@code @Secured} refuses it as a missing secret
     * is refused (401 10004).
     */
    @Get("/get_admin_info")
    @Secured({Role.Labels.ORG_ADMIN, Role.Labels.ADMIN, Role.Labels.SUPER_ADMIN})
    @ApiEndpoint(internalErrorCode = Info.INTERNAL_ERROR, notOpenCode = Info.NOT_OPEN,
            roleRefusedCode = Info.ADMIN_SECRET_INVALID, roleRefusedStatus = 401, roleRefusedText = ADMIN_SECRET_INVALID_TEXT)
    public HttpResponse<ApiResponse> getAdminInfo(VerifiedToken token, @Nullable @Header(AuthInternalClient.ADMIN_SECRET_HEADER) String adminSecret) {
        if (!auth.isValidAdminSecret(adminSecret, token)) {
            throw new Refusal(HttpStatus.UNAUTHORIZED, Info.ADMIN_SECRET_INVALID, ADMIN_SECRET_INVALID_TEXT);
        }
        Optional<UserAccount> found = users.findByPublicId(token.subject());
        if (found.isEmpty()) {
            throw new Refusal(HttpStatus.UNAUTHORIZED, Info.TOKEN_INVALID, "token 已过期或无效");
        }
        if (!found.get().role().isAdmin()) {
            throw new Refusal(HttpStatus.UNAUTHORIZED, Info.ADMIN_SECRET_INVALID, ADMIN_SECRET_INVALID_TEXT);
        }
        return HttpResponse.ok(ApiResponse.success("获取成功", new AdminInfo(found.get().aegisSpeedId(), found.get().userName())));
    }
}
