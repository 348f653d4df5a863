package com.aegisspeed.anticheat.report;

import com.aegisspeed.common.envelope.Refusal;
import com.aegisspeed.common.db.DuplicateKey;
import com.aegisspeed.common.time.Utc;
import com.aegisspeed.anticheat.machines.MachineDirectoryClient;
import com.aegisspeed.common.token.VerifiedToken;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.Optional;

import static com.aegisspeed.anticheat.AnticheatCodes.Report.INVALID_INPUT;
import static com.aegisspeed.anticheat.AnticheatCodes.Report.LAUNCH_CODE_TAKEN;
import static com.aegisspeed.anticheat.AnticheatCodes.Report.MACHINE_NOT_YOURS;

/**
 * Stores check reports. A launch code is reported once per user: the same report again is acknowledged without a
 * second row (the check unit retries after timeouts), a different report under the user's used launch code is
 * refused. Launch codes are looked up only among the caller's own reports, so no answer says anything about
 * another user's launch codes and nobody can take a code before its owner reports it.
 */
@Singleton
public class CheckReportService {

    private final CheckLogRepository logs;
    private final MachineDirectoryClient machines;
    private final Clock clock;

    public CheckReportService(CheckLogRepository logs, MachineDirectoryClient machines, Clock clock) {
        this.logs = logs;
        this.machines = machines;
        this.clock = clock;
    }

    public String report(VerifiedToken token, ReportRequest request) {
        ReportRules.problem(request).ifPresent(problem -> {
            throw new Refusal(HttpStatus.BAD_REQUEST, INVALID_INPUT, problem);
        });
        CheckLog wanted = new CheckLog(null, request.launchCode(), token.subject(), token.aegisSpeedId(),
                request.machineCode(), request.checkResult(), request.checkResultDetail(),
                Utc.stored(ReportRules.parseTime(request.startTime()).orElseThrow()),
                Utc.stored(ReportRules.parseTime(request.finishTime()).orElseThrow()),
                Utc.now(clock));
        Optional<CheckLog> earlier = logs.findByUserPublicIdAndLaunchCode(wanted.userPublicId(), wanted.launchCode());
        if (earlier.isPresent()) {
            return acknowledgeRepeat(earlier.get(), wanted);
        }
        boolean machineIsTheUsers = machines.ownerOf(wanted.machineCode())
                .filter(token.subject()::equals).isPresent();
        if (!machineIsTheUsers) {
            throw new Refusal(HttpStatus.FORBIDDEN, MACHINE_NOT_YOURS, "Machine code is not bound to this user");
        }
        try {
            logs.save(wanted);
            return wanted.launchCode();
        } catch (RuntimeException e) {
            if (!DuplicateKey.isCauseOf(e)) {
                throw e;
            }
        }
        // A concurrent report of the same user took the launch code between the look-up and the insert.
        return acknowledgeRepeat(logs.findByUserPublicIdAndLaunchCode(wanted.userPublicId(), wanted.launchCode()).orElseThrow(),
                wanted);
    }

    private static String acknowledgeRepeat(CheckLog earlier, CheckLog wanted) {
        if (!earlier.sameReportAs(wanted)) {
            throw new Refusal(HttpStatus.CONFLICT, LAUNCH_CODE_TAKEN,
                    "launch_code already used by a different report");
        }
        return earlier.launchCode();
    }
}
