package com.aegisspeed.machine.binding;

import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import com.aegisspeed.common.envelope.ApiEndpoint;
import com.aegisspeed.common.envelope.ApiResponse;
import com.aegisspeed.common.token.VerifiedToken;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import jakarta.validation.Valid;

import java.util.function.Supplier;

import static com.aegisspeed.machine.MachineServiceCodes.Registration.INTERNAL_ERROR;
import static com.aegisspeed.machine.MachineServiceCodes.Registration.NOT_OPEN;

/** {@code /machine/register/*}: binds a machine to a user; the code table is in docs/api-machine-anticheat.md. */
@Secured(SecurityRule.IS_AUTHENTICATED)
@Controller("/machine/register")
public class MachineRegistrationController {

    static final String REGISTERED = "Machine information registered successfully";

    private final MachineBindingService binding;

    public MachineRegistrationController(MachineBindingService binding) {
        this.binding = binding;
    }

    @Post("/register_machine_info")
    @ApiEndpoint(internalErrorCode = INTERNAL_ERROR, notOpenCode = NOT_OPEN)
    public HttpResponse<ApiResponse> registerByIdNumber(VerifiedToken token,
                                                        @Valid @Body RegisterByIdNumberRequest request) {
        return answer(() -> binding.bindByIdNumber(token, request));
    }

    @Post("/register_machine_info_by_aegisspeed_id")
    @ApiEndpoint(internalErrorCode = INTERNAL_ERROR, notOpenCode = NOT_OPEN)
    public HttpResponse<ApiResponse> registerByAegisSpeedId(VerifiedToken token,
                                                            @Valid @Body RegisterByAegisSpeedIdRequest request) {
        return answer(() -> binding.bindByAegisSpeedId(token, request));
    }

    private static HttpResponse<ApiResponse> answer(Supplier<BoundMachine> bind) {
        return HttpResponse.ok(ApiResponse.success(REGISTERED, bind.get()));
    }
}
