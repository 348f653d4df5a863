package com.aegisspeed.anticheat.history;

import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import com.aegisspeed.anticheat.AnticheatCodes.CheckHistory;
import com.aegisspeed.anticheat.Paging;
import com.aegisspeed.anticheat.report.CheckLog;
import com.aegisspeed.anticheat.report.CheckLogRepository;
import com.aegisspeed.common.envelope.ApiEndpoint;
import com.aegisspeed.common.envelope.ApiResponse;
import com.aegisspeed.common.identity.IdNumbers;
import com.aegisspeed.common.internal.InternalUser;
import com.aegisspeed.common.internal.UserDirectoryClient;
import com.aegisspeed.common.token.VerifiedToken;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Page;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * {@code GET /user/info/get_user_check_info} (docs/api-machine-anticheat.md): the token's user's checks, newest
 * first, paged. The reference has no paging; without parameters this answers the newest 20.
 */
@Secured(SecurityRule.IS_AUTHENTICATED)
@Controller("/user/info")
public class CheckHistoryController {

    private final CheckLogRepository logs;
    private final UserDirectoryClient users;

    public CheckHistoryController(CheckLogRepository logs, UserDirectoryClient users) {
        this.logs = logs;
        this.users = users;
    }

    @Serdeable
    public record CheckLogsPage(
            @JsonProperty("check_logs") List<CheckLogView> checkLogs,
            int page,
            int size,
            long total) {
    }

    @Get("/get_user_check_info")
    @ApiEndpoint(internalErrorCode = CheckHistory.INTERNAL_ERROR, notOpenCode = CheckHistory.NOT_OPEN,
            tokenInvalidCode = CheckHistory.TOKEN_INVALID)
    public HttpResponse<ApiResponse> history(VerifiedToken token,
                                             @Nullable @QueryValue Integer page,
                                             @Nullable @QueryValue Integer size) {
        Paging paging = Paging.of(page, size);
        Page<CheckLog> found = logs.findByUserPublicId(token.subject(), paging.pageable(Paging.NEWEST_CHECK_FIRST));
        // The ID number lives in user-service only; asked for once, and only when there is something to show.
        String masked = found.getContent().isEmpty() ? "" : IdNumbers.mask(users.findByPublicId(token.subject())
                .map(InternalUser::idNumber).orElse(null));
        List<CheckLogView> views = found.getContent().stream().map(log -> CheckLogView.of(log, masked)).toList();
        return HttpResponse.ok(ApiResponse.success("User historical check information retrieved successfully",
                new CheckLogsPage(views, paging.page(), paging.size(), found.getTotalSize())));
    }
}
