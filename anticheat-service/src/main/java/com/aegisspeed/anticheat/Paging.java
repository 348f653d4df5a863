package com.aegisspeed.anticheat;

import com.aegisspeed.common.envelope.ApiResponse;
import com.aegisspeed.common.envelope.Codes;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;

import java.util.Optional;

/** Optional {@code page} (1-based) and {@code size} query parameters of the listing endpoints. */
public record Paging(int page, int size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;
    /** Deep offsets cost the database a scan; nobody pages past this by hand. */
    public static final int MAX_PAGE = 10_000;

    /** Newest first; the id breaks ties between checks that started in the same second. */
    public static final Sort NEWEST_CHECK_FIRST = Sort.of(Sort.Order.desc("startTime"), Sort.Order.desc("id"));

    /** Empty when either value is out of bounds. */
    public static Optional<Paging> of(@Nullable Integer page, @Nullable Integer size) {
        int p = page == null ? 1 : page;
        int s = size == null ? DEFAULT_SIZE : size;
        if (p < 1 || p > MAX_PAGE || s < 1 || s > MAX_SIZE) {
            return Optional.empty();
        }
        return Optional.of(new Paging(p, s));
    }

    public Pageable pageable(Sort sort) {
        return Pageable.from(page - 1, size, sort);
    }

    /** The answer to out-of-bounds paging: a malformed request like any other bad parameter. */
    public static HttpResponse<ApiResponse> invalid() {
        return HttpResponse.<ApiResponse>status(HttpStatus.BAD_REQUEST).body(ApiResponse.error(HttpStatus.BAD_REQUEST,
                Codes.MALFORMED_REQUEST, "Malformed request: 'page' must be 1 to " + MAX_PAGE + " and 'size' 1 to " + MAX_SIZE));
    }
}
