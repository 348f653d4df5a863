package com.aegisspeed.machine.availability;

import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import com.aegisspeed.common.envelope.ApiEndpoint;
import com.aegisspeed.common.envelope.AvailabilityResponse;
import com.aegisspeed.common.envelope.Codes;
import com.aegisspeed.common.envelope.Envelope;
import com.aegisspeed.common.envelope.Refusal;
import com.aegisspeed.common.identity.IdNumbers;
import com.aegisspeed.common.identity.MachineCodes;
import com.aegisspeed.common.internal.InternalUser;
import com.aegisspeed.common.internal.UserDirectoryClient;
import com.aegisspeed.machine.binding.Machine;
import com.aegisspeed.machine.binding.MachineRepository;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import jakarta.validation.Valid;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

import static com.aegisspeed.machine.MachineServiceCodes.Availability.BOUND_TO_ANOTHER_USER;
import static com.aegisspeed.machine.MachineServiceCodes.Availability.BOUND_TO_THIS_USER;
import static com.aegisspeed.machine.MachineServiceCodes.Availability.INTERNAL_ERROR;
import static com.aegisspeed.machine.MachineServiceCodes.Availability.INVALID_INPUT;
import static com.aegisspeed.machine.MachineServiceCodes.Availability.NOT_OPEN;

/**
 * {@code POST /verify/verify_is_machine_code_available} (docs/api-machine-anticheat.md): whether a machine code is
 * bound, and whether to the user with the given ID number. {@code result: true} means "already bound".
 */
@Secured(SecurityRule.IS_ANONYMOUS)
@Controller("/verify")
public class MachineCodeAvailabilityController {

    private final MachineRepository machines;
    private final UserDirectoryClient users;
    private final Clock clock;

    public MachineCodeAvailabilityController(MachineRepository machines, UserDirectoryClient users, Clock clock) {
        this.machines = machines;
        this.users = users;
        this.clock = clock;
    }

    @Post("/verify_is_machine_code_available")
    @ApiEndpoint(internalErrorCode = INTERNAL_ERROR, notOpenCode = NOT_OPEN, envelope = Envelope.AVAILABILITY)
    public HttpResponse<AvailabilityResponse> check(@Valid @Body AvailabilityRequest request) {
        if (!IdNumbers.isValid(request.userId(), LocalDate.now(clock))) {
            throw new Refusal(HttpStatus.BAD_REQUEST, INVALID_INPUT, "Invalid user ID format");
        }
        if (!MachineCodes.isValid(request.machineCode())) {
            throw new Refusal(HttpStatus.BAD_REQUEST, INVALID_INPUT, "Invalid machine code format");
        }
        Optional<Machine> machine = machines.findById(request.machineCode());
        if (machine.isEmpty()) {
            return HttpResponse.ok(new AvailabilityResponse(200, Codes.SUCCESS, "Machine code not bound", false));
        }
        // Only a bound code needs the user: an unknown ID number simply is not its owner.
        boolean ownedByThisUser = users.findByIdNumber(IdNumbers.normalize(request.userId()))
                .map(InternalUser::publicId)
                .filter(machine.get().ownerPublicId()::equals)
                .isPresent();
        return ownedByThisUser
                ? HttpResponse.ok(new AvailabilityResponse(200, BOUND_TO_THIS_USER, "Machine code already bound to this user", true))
                : HttpResponse.ok(new AvailabilityResponse(200, BOUND_TO_ANOTHER_USER, "Machine code already bound", true));
    }
}
