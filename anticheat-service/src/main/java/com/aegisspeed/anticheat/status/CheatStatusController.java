package com.aegisspeed.anticheat.status;

import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import com.aegisspeed.anticheat.admin.CheaterMarkRepository;
import com.aegisspeed.anticheat.report.CheckLogRepository;
import com.aegisspeed.anticheat.report.CheckResults;
import com.aegisspeed.common.envelope.ApiEndpoint;
import com.aegisspeed.common.envelope.ApiResponse;
import com.aegisspeed.common.envelope.Codes;
import com.aegisspeed.common.token.VerifiedToken;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.serde.annotation.Serdeable;

import static com.aegisspeed.anticheat.AnticheatCodes.CheatStatus.INTERNAL_ERROR;
import static com.aegisspeed.anticheat.AnticheatCodes.CheatStatus.MARKED_AS_CHEATER;
import static com.aegisspeed.anticheat.AnticheatCodes.CheatStatus.NOT_OPEN;
import static com.aegisspeed.anticheat.AnticheatCodes.CheatStatus.RECORDS_BUT_NOT_MARKED;
import static com.aegisspeed.anticheat.AnticheatCodes.CheatStatus.TOKEN_INVALID;

/**
 * {@code GET /anticheat/check/check_user_cheat_status}: whether the token's user is marked as a cheater and
 * how many cheating records (Failed or Suspicious checks) they have. Every outcome carries {@code data}.
 */
@Secured(SecurityRule.IS_AUTHENTICATED)
@Controller("/anticheat/check")
public class CheatStatusController {

    private final CheaterMarkRepository marks;
    private final CheckLogRepository logs;

    public CheatStatusController(CheaterMarkRepository marks, CheckLogRepository logs) {
        this.marks = marks;
        this.logs = logs;
    }

    @Serdeable
    public record CheatStatus(@JsonProperty("is_cheater") boolean isCheater, long records) {
    }

    @Get("/check_user_cheat_status")
    @ApiEndpoint(internalErrorCode = INTERNAL_ERROR, notOpenCode = NOT_OPEN, tokenInvalidCode = TOKEN_INVALID)
    public HttpResponse<ApiResponse> status(VerifiedToken token) {
        boolean marked = marks.existsById(token.subject());
        long records = logs.countByUserPublicIdAndCheckResultIn(token.subject(), CheckResults.CHEATING);
        CheatStatus status = new CheatStatus(marked, records);
        if (marked) {
            return answer(MARKED_AS_CHEATER, "User has been marked as a cheater", status);
        }
        if (records > 0) {
            return answer(RECORDS_BUT_NOT_MARKED, "Cheating records found under user account, user not marked as a cheater", status);
        }
        return answer(Codes.SUCCESS, "No cheating records found under user account", status);
    }

    private static HttpResponse<ApiResponse> answer(String code, String text, CheatStatus status) {
        return HttpResponse.ok(new ApiResponse(HttpStatus.OK.getCode(), code, text, status, null));
    }
}
