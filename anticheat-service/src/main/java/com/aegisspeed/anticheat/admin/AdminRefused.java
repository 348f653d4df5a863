package com.aegisspeed.anticheat.admin;

import com.aegisspeed.common.envelope.ApiResponse;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;

/** An admin request refused for a documented reason, answered as {@code status}/{@code code}/{@code text}. */
public class AdminRefused extends RuntimeException {

    private final HttpStatus status;
    private final String code;

    AdminRefused(HttpStatus status, String code, String text) {
        super(text, null, false, false);
        this.status = status;
        this.code = code;
    }

    HttpResponse<ApiResponse> answer() {
        return HttpResponse.<ApiResponse>status(status).body(ApiResponse.error(status, code, getMessage()));
    }

    static AdminRefused invalidInput(String text) {
        return new AdminRefused(HttpStatus.BAD_REQUEST, AdminCodes.INVALID_INPUT, text);
    }
}
