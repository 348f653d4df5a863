package com.aegisspeed.auth.login;

import com.aegisspeed.auth.adminsecret.AdminSecrets;
import com.aegisspeed.auth.revocation.Revocations;
import com.aegisspeed.common.envelope.ApiEndpoint;
import com.aegisspeed.common.envelope.ApiResponse;
import com.aegisspeed.common.token.VerifiedToken;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;

import java.util.Map;

/**
 * {@code POST /user/login/logout} (docs/internal-api.md): revokes the presented token, and the admin secret
 * bound to it. Codes follow the login family: 401 10001 bad token, 403 10003 not open, 500 10004.
 */
@Controller("/user/login")
public class LogoutController {

    private final Revocations revocations;
    private final AdminSecrets adminSecrets;

    public LogoutController(Revocations revocations, AdminSecrets adminSecrets) {
        this.revocations = revocations;
        this.adminSecrets = adminSecrets;
    }

    @Post("/logout")
    @ApiEndpoint(internalErrorCode = "10004", notOpenCode = "10003")
    public ApiResponse logout(VerifiedToken token) {
        revocations.revoke(token);
        adminSecrets.forget(token.jti());
        return ApiResponse.success("Logout successful", Map.of());
    }
}
