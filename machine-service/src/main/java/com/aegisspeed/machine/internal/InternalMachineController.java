package com.aegisspeed.machine.internal;

import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import com.aegisspeed.common.time.Utc;
import com.aegisspeed.common.envelope.ApiResponse;
import com.aegisspeed.machine.MachineServiceCodes.Internal;
import com.aegisspeed.machine.binding.MachineRepository;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.swagger.v3.oas.annotations.Hidden;

/**
 * machine-service's internal API (docs/api-machine-anticheat.md): who owns a machine code. Guarded by the
 * internal secret like every {@code /internal/**} path; anticheat-service asks it before storing a report.
 */
@Hidden
@Secured(SecurityRule.IS_ANONYMOUS)
@Controller("/internal/machines")
public class InternalMachineController {

    private final MachineRepository machines;

    public InternalMachineController(MachineRepository machines) {
        this.machines = machines;
    }

    @Get("/{machineCode}")
    public HttpResponse<ApiResponse> owner(String machineCode) {
        return machines.findById(machineCode)
                .map(machine -> HttpResponse.ok(ApiResponse.success("Machine found", new MachineOwner(
                        machine.machineCode(), machine.ownerPublicId(),
                        Utc.text(machine.boundAt())))))
                .orElseGet(() -> HttpResponse.<ApiResponse>status(HttpStatus.NOT_FOUND)
                        .body(ApiResponse.error(HttpStatus.NOT_FOUND, Internal.NO_SUCH_MACHINE, "No such machine")));
    }
}
