package com.aegisspeed.gateway.routing;

import com.aegisspeed.common.logging.LogFields;
import io.micronaut.http.HttpRequest;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/** {@code X-Request-Id}: a well-formed one from the client is kept (to correlate its logs), anything else replaced. */
final class RequestIds {

    static final String HEADER = "X-Request-Id";
    static final String ATTRIBUTE = LogFields.REQUEST_ID_ATTRIBUTE;
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private RequestIds() {
    }

    static String of(HttpRequest<?> request) {
        String incoming = request.getHeaders().get(HEADER);
        return incoming != null && VALID.matcher(incoming).matches() ? incoming : fresh();
    }

    /** A random (version 4) UUID; ids need to be unique, not unguessable, so no shared SecureRandom per request. */
    private static String fresh() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & ~(0xC000L << 48)) | (0x8000L << 48);
        return new UUID(high, low).toString();
    }

    /** The id {@link RequestIdFilter} gave the request. */
    static String assigned(HttpRequest<?> request) {
        return request.getAttribute(ATTRIBUTE, String.class).orElseGet(() -> {
            String id = of(request);
            request.setAttribute(ATTRIBUTE, id);
            return id;
        });
    }
}
