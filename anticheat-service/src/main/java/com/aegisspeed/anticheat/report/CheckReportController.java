package com.aegisspeed.anticheat.report;

import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import com.aegisspeed.common.envelope.ApiEndpoint;
import com.aegisspeed.common.envelope.ApiResponse;
import com.aegisspeed.common.token.VerifiedToken;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;

import static com.aegisspeed.anticheat.AnticheatCodes.Report.INTERNAL_ERROR;
import static com.aegisspeed.anticheat.AnticheatCodes.Report.NOT_OPEN;
import static com.aegisspeed.anticheat.AnticheatCodes.Report.TOKEN_INVALID;

/** {@code POST /anticheat/report/report_check_result}: the ASAC core check unit reports a check of the token's user. */
@Secured(SecurityRule.IS_AUTHENTICATED)
@Controller("/anticheat/report")
public class CheckReportController {

    private final CheckReportService reports;

    public CheckReportController(CheckReportService reports) {
        this.reports = reports;
    }

    @Serdeable
    public record Reported(@JsonProperty("launch_code") String launchCode) {
    }

    @Post("/report_check_result")
    @ApiEndpoint(internalErrorCode = INTERNAL_ERROR, notOpenCode = NOT_OPEN, tokenInvalidCode = TOKEN_INVALID)
    public HttpResponse<ApiResponse> report(VerifiedToken token, @Valid @Body ReportRequest request) {
        String launchCode = reports.report(token, request);
        return HttpResponse.ok(ApiResponse.success("Check result reported successfully", new Reported(launchCode)));
    }
}
