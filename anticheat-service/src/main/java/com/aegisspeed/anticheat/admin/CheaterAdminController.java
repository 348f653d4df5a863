package com.aegisspeed.anticheat.admin;

import com.aegisspeed.common.identity.Role;
import io.micronaut.security.annotation.Secured;
import com.aegisspeed.common.authservice.AuthInternalClient;
import com.aegisspeed.anticheat.Paging;
import com.aegisspeed.anticheat.report.CheckLog;
import com.aegisspeed.anticheat.report.CheckLogRepository;
import com.aegisspeed.anticheat.report.CheckResults;
import com.aegisspeed.common.envelope.ApiEndpoint;
import com.aegisspeed.common.envelope.ApiResponse;
import com.aegisspeed.common.token.VerifiedToken;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import jakarta.validation.Valid;

import java.util.function.Supplier;

import static com.aegisspeed.anticheat.AnticheatCodes.Admin.INTERNAL_ERROR;
import static com.aegisspeed.anticheat.AnticheatCodes.Admin.NOT_ADMIN;
import static com.aegisspeed.anticheat.AnticheatCodes.Admin.NOT_OPEN;
import static com.aegisspeed.anticheat.AnticheatCodes.Admin.TOKEN_INVALID;

/**
 * {@code /anticheat/admin/*} (docs/internal-api.md): cheating records and cheater marks, for admins holding
 * a valid dynamic admin secret. Cheating records are checks reported {@code Failed} or {@code Suspicious}.
 */
@Secured({Role.Labels.ORG_ADMIN, Role.Labels.ADMIN, Role.Labels.SUPER_ADMIN})
@Controller("/anticheat/admin")
public class CheaterAdminController {

    private static final Sort NEWEST_EVENT_FIRST = Sort.of(Sort.Order.desc("happenedAt"), Sort.Order.desc("id"));

    private final AdminGuard guard;
    private final CheaterMarkingService marking;
    private final CheckLogRepository logs;
    private final CheaterMarkEventRepository events;

    public CheaterAdminController(AdminGuard guard, CheaterMarkingService marking, CheckLogRepository logs,
                                  CheaterMarkEventRepository events) {
        this.guard = guard;
        this.marking = marking;
        this.logs = logs;
        this.events = events;
    }

    @Get("/list_cheating_records")
    @ApiEndpoint(internalErrorCode = INTERNAL_ERROR, notOpenCode = NOT_OPEN, tokenInvalidCode = TOKEN_INVALID,
            roleRefusedCode = NOT_ADMIN, roleRefusedText = AdminGuard.NOT_ADMIN_TEXT)
    public HttpResponse<ApiResponse> listCheatingRecords(VerifiedToken token,
                                                         @Nullable @Header(AuthInternalClient.ADMIN_SECRET_HEADER) String adminSecret,
                                                         @Nullable @QueryValue("user_AegisSpeed_id") String userAegisSpeedId,
                                                         @Nullable @QueryValue Integer page,
                                                         @Nullable @QueryValue Integer size) {
        return guarded(token, adminSecret, () -> {
            Paging paging = Paging.of(page, size);
            Pageable pageable = paging.pageable(Paging.NEWEST_CHECK_FIRST);
            Page<CheckLog> found;
            if (userAegisSpeedId == null) {
                found = logs.findByCheckResultIn(CheckResults.CHEATING, pageable);
            } else {
                CheaterMarkingService.requireAegisSpeedId(userAegisSpeedId);
                found = logs.findByUserAegisSpeedIdAndCheckResultIn(userAegisSpeedId, CheckResults.CHEATING, pageable);
            }
            return HttpResponse.ok(ApiResponse.success("Cheating records retrieved successfully",
                    new AdminViews.CheatingRecordsPage(found.getContent().stream().map(AdminViews.CheatingRecord::of).toList(),
                            paging.page(), paging.size(), found.getTotalSize())));
        });
    }

    @Post("/mark_cheater")
    @ApiEndpoint(internalErrorCode = INTERNAL_ERROR, notOpenCode = NOT_OPEN, tokenInvalidCode = TOKEN_INVALID,
            roleRefusedCode = NOT_ADMIN, roleRefusedText = AdminGuard.NOT_ADMIN_TEXT)
    public HttpResponse<ApiResponse> markCheater(VerifiedToken token,
                                                 @Nullable @Header(AuthInternalClient.ADMIN_SECRET_HEADER) String adminSecret,
                                                 @Valid @Body MarkRequest request) {
        return guarded(token, adminSecret, () ->
                HttpResponse.ok(ApiResponse.success("User marked as a cheater", marking.mark(token, request))));
    }

    @Post("/unmark_cheater")
    @ApiEndpoint(internalErrorCode = INTERNAL_ERROR, notOpenCode = NOT_OPEN, tokenInvalidCode = TOKEN_INVALID,
            roleRefusedCode = NOT_ADMIN, roleRefusedText = AdminGuard.NOT_ADMIN_TEXT)
    public HttpResponse<ApiResponse> unmarkCheater(VerifiedToken token,
                                                   @Nullable @Header(AuthInternalClient.ADMIN_SECRET_HEADER) String adminSecret,
                                                   @Valid @Body UnmarkRequest request) {
        return guarded(token, adminSecret, () ->
                HttpResponse.ok(ApiResponse.success("Cheater mark lifted", marking.unmark(token, request))));
    }

    @Get("/get_cheater_mark_history")
    @ApiEndpoint(internalErrorCode = INTERNAL_ERROR, notOpenCode = NOT_OPEN, tokenInvalidCode = TOKEN_INVALID,
            roleRefusedCode = NOT_ADMIN, roleRefusedText = AdminGuard.NOT_ADMIN_TEXT)
    public HttpResponse<ApiResponse> markHistory(VerifiedToken token,
                                                 @Nullable @Header(AuthInternalClient.ADMIN_SECRET_HEADER) String adminSecret,
                                                 @Nullable @QueryValue("user_AegisSpeed_id") String userAegisSpeedId,
                                                 @Nullable @QueryValue Integer page,
                                                 @Nullable @QueryValue Integer size) {
        return guarded(token, adminSecret, () -> {
            Paging paging = Paging.of(page, size);
            Pageable pageable = paging.pageable(NEWEST_EVENT_FIRST);
            Page<CheaterMarkEvent> found;
            if (userAegisSpeedId == null) {
                found = events.findAll(pageable);
            } else {
                CheaterMarkingService.requireAegisSpeedId(userAegisSpeedId);
                found = events.findByUserAegisSpeedId(userAegisSpeedId, pageable);
            }
            return HttpResponse.ok(ApiResponse.success("Cheater mark history retrieved successfully",
                    new AdminViews.MarkHistoryPage(found.getContent().stream().map(AdminViews.MarkEvent::of).toList(),
                            paging.page(), paging.size(), found.getTotalSize())));
        });
    }

    private HttpResponse<ApiResponse> guarded(VerifiedToken token, @Nullable String adminSecret,
                                              Supplier<HttpResponse<ApiResponse>> action) {
        guard.requireAdmin(token, adminSecret);
        return action.get();
    }
}
