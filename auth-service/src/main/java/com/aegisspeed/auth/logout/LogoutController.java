package com.aegisspeed.auth.logout;

import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import com.aegisspeed.auth.AuthCodes.Logout;
import com.aegisspeed.auth.adminsecret.AdminSecrets;
import com.aegisspeed.auth.revocation.Revocations;
import com.aegisspeed.common.envelope.ApiEndpoint;
import com.aegisspeed.common.envelope.ApiResponse;
import com.aegisspeed.common.token.AcknowledgedRevocations;
import com.aegisspeed.common.token.VerifiedToken;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;

import java.util.Map;

/**
 * {@code POST /user/login/logout} (docs/internal-api.md): revokes the presented token, and the admin secret
 * bound to it. Codes follow the login family: 401 10001 bad token, 403 10003 not open, 500 10004.
 */
@Secured(SecurityRule.IS_AUTHENTICATED)
@Controller("/user/login")
public class LogoutController {

    private final Revocations revocations;
    private final AcknowledgedRevocations acknowledged;
    private final AdminSecrets adminSecrets;

    public LogoutController(Revocations revocations, AcknowledgedRevocations acknowledged, AdminSecrets adminSecrets) {
        this.revocations = revocations;
        this.acknowledged = acknowledged;
        this.adminSecrets = adminSecrets;
    }

    /**
     * Logout takes no body, but binding whatever is sent makes it arrive whole, within the size limit, before the
     * token is revoked: otherwise a request refused for its size (413) would already have revoked it. The answer
     * names the revocation for the gateway, which then refuses the token's next request without waiting for a poll.
     */
    @Post("/logout")
    @ApiEndpoint(internalErrorCode = Logout.INTERNAL_ERROR, notOpenCode = Logout.NOT_OPEN)
    public ApiResponse logout(VerifiedToken token, @Nullable @Body String ignoredBody) {
        acknowledged.acknowledge(revocations.revoke(token));
        adminSecrets.forget(token.jti());
        return ApiResponse.success("Logout successful", Map.of());
    }
}
