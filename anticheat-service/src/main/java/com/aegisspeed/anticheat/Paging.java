package com.aegisspeed.anticheat;

import com.aegisspeed.common.envelope.Codes;
import com.aegisspeed.common.envelope.Refusal;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import io.micronaut.http.HttpStatus;

/** Optional {@code page} (1-based) and {@code size} query parameters of the listing endpoints. */
public record Paging(int page, int size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;
    /** Deep offsets cost the database a scan; nobody pages past this by hand. */
    public static final int MAX_PAGE = 10_000;

    /** Newest first; the id breaks ties between checks that started in the same second. */
    public static final Sort NEWEST_CHECK_FIRST = Sort.of(Sort.Order.desc("startTime"), Sort.Order.desc("id"));

    /**
     * @throws Refusal when either value is out of bounds: a malformed request like any other bad parameter
     */
    public static Paging of(@Nullable Integer page, @Nullable Integer size) {
        int p = page == null ? 1 : page;
        int s = size == null ? DEFAULT_SIZE : size;
        if (p < 1 || p > MAX_PAGE || s < 1 || s > MAX_SIZE) {
            throw new Refusal(HttpStatus.BAD_REQUEST, Codes.MALFORMED_REQUEST,
                    "Malformed request: 'page' must be 1 to " + MAX_PAGE + " and 'size' 1 to " + MAX_SIZE);
        }
        return new Paging(p, s);
    }

    public Pageable pageable(Sort sort) {
        return Pageable.from(page - 1, size, sort);
    }
}
