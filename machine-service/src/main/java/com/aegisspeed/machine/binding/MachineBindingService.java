package com.aegisspeed.machine.binding;

import com.aegisspeed.common.time.Utc;
import com.aegisspeed.common.envelope.Refusal;
import com.aegisspeed.common.db.DuplicateKey;
import com.aegisspeed.common.identity.AegisSpeedIds;
import com.aegisspeed.common.identity.IdNumbers;
import com.aegisspeed.common.internal.InternalUser;
import com.aegisspeed.common.internal.UserDirectoryClient;
import com.aegisspeed.common.token.VerifiedToken;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.LocalDate;

import static com.aegisspeed.machine.MachineServiceCodes.Registration.ALREADY_REGISTERED;
import static com.aegisspeed.machine.MachineServiceCodes.Registration.INVALID_INPUT;
import static com.aegisspeed.machine.MachineServiceCodes.Registration.NOT_YOUR_ACCOUNT;
import static com.aegisspeed.machine.MachineServiceCodes.Registration.USER_IS_CHEATER;
import static com.aegisspeed.machine.MachineServiceCodes.Registration.USER_NOT_FOUND;

/**
 * Binds machine codes to users. A code binds to one user only: the primary key decides between
 * concurrent binds, the loser reads who won. Binding a code again to its own owner succeeds and
 * refreshes the machine fields (hardware and OS details change over time); the first binding time stays.
 */
@Singleton
public class MachineBindingService {

    private final MachineRepository machines;
    private final UserDirectoryClient users;
    private final Clock clock;

    public MachineBindingService(MachineRepository machines, UserDirectoryClient users, Clock clock) {
        this.machines = machines;
        this.users = users;
        this.clock = clock;
    }

    /** {@code register_machine_info}: the token must be the named user's own (docs/contract.md). */
    public BoundMachine bindByIdNumber(VerifiedToken token, RegisterByIdNumberRequest request) {
        if (!IdNumbers.isValid(request.userId(), LocalDate.now(clock))) {
            throw new Refusal(HttpStatus.BAD_REQUEST, INVALID_INPUT, "Invalid user ID number");
        }
        requireValid(request.machine());
        // Looking up the token's own user (not the ID number) tells a caller nothing about other ID numbers.
        InternalUser user = users.findByPublicId(token.subject()).orElseThrow(MachineBindingService::userNotFound);
        if (!user.idNumber().equalsIgnoreCase(request.userId())) {
            throw notYourAccount();
        }
        return bind(user, request.machine());
    }

    /** {@code register_machine_info_by_aegisspeed_id}: the named user's own token or an admin's. */
    public BoundMachine bindByAegisSpeedId(VerifiedToken token, RegisterByAegisSpeedIdRequest request) {
        if (!AegisSpeedIds.isValid(request.userAegisSpeedId())) {
            throw new Refusal(HttpStatus.BAD_REQUEST, INVALID_INPUT, "Invalid AegisSpeed ID");
        }
        requireValid(request.machine());
        if (!request.userAegisSpeedId().equals(token.aegisSpeedId()) && !token.isAdmin()) {
            throw notYourAccount();
        }
        InternalUser user = users.findByAegisSpeedId(request.userAegisSpeedId())
                .orElseThrow(MachineBindingService::userNotFound);
        return bind(user, request.machine());
    }

    private BoundMachine bind(InternalUser user, MachineInfo info) {
        if (user.isCheater()) {
            throw new Refusal(HttpStatus.FORBIDDEN, USER_IS_CHEATER,
                    "User is marked as a cheater and cannot bind machines");
        }
        Machine wanted = Machine.of(info, user.publicId(), Utc.now(clock));
        try {
            machines.save(wanted);
            return answer(wanted, user);
        } catch (RuntimeException e) {
            if (!DuplicateKey.isCauseOf(e)) {
                throw e;
            }
        }
        Machine existing = machines.findById(info.machineCode())
                .orElseThrow(() -> new IllegalStateException("duplicate key but no machine row"));
        if (!existing.ownerPublicId().equals(user.publicId())) {
            throw new Refusal(HttpStatus.CONFLICT, ALREADY_REGISTERED, "Machine code already registered");
        }
        Machine refreshed = Machine.of(info, user.publicId(), existing.boundAt());
        machines.update(refreshed);
        return answer(refreshed, user);
    }

    private static void requireValid(MachineInfo info) {
        MachineInfoRules.problem(info).ifPresent(problem -> {
            throw new Refusal(HttpStatus.BAD_REQUEST, INVALID_INPUT, problem);
        });
    }

    private static BoundMachine answer(Machine machine, InternalUser user) {
        return new BoundMachine(machine.machineCode(), user.aegisSpeedId(),
                Utc.text(machine.boundAt()));
    }

    private static Refusal userNotFound() {
        return new Refusal(HttpStatus.NOT_FOUND, USER_NOT_FOUND, "User does not exist");
    }

    private static Refusal notYourAccount() {
        return new Refusal(HttpStatus.FORBIDDEN, NOT_YOUR_ACCOUNT,
                "The token does not allow binding machines to this user");
    }
}
