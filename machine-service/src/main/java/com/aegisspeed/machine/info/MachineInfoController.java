package com.aegisspeed.machine.info;

import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import com.aegisspeed.common.envelope.ApiEndpoint;
import com.aegisspeed.common.envelope.ApiResponse;
import com.aegisspeed.common.token.VerifiedToken;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;

import static com.aegisspeed.machine.MachineServiceCodes.Info.INTERNAL_ERROR;
import static com.aegisspeed.machine.MachineServiceCodes.Info.NOT_OPEN;
import static com.aegisspeed.machine.MachineServiceCodes.Info.TOKEN_INVALID;

/** {@code GET /machine/info/get_machine_info}: the machines bound to a user; codes in docs/api-machine-anticheat.md. */
@Secured(SecurityRule.IS_AUTHENTICATED)
@Controller("/machine/info")
public class MachineInfoController {

    static final String FOUND = "Machine information retrieved successfully";

    private final MachineInfoService machines;

    public MachineInfoController(MachineInfoService machines) {
        this.machines = machines;
    }

    @Get("/get_machine_info")
    @ApiEndpoint(internalErrorCode = INTERNAL_ERROR, notOpenCode = NOT_OPEN, tokenInvalidCode = TOKEN_INVALID)
    public HttpResponse<ApiResponse> getMachineInfo(VerifiedToken token,
                                                    @Nullable @QueryValue("user_AegisSpeed_id") String aegisSpeedId) {
        return HttpResponse.ok(ApiResponse.success(FOUND, machines.machinesOf(token, aegisSpeedId)));
    }
}
