package com.aegisspeed.common.db;

import com.aegisspeed.common.envelope.Overloaded;
import com.aegisspeed.common.envelope.RefusalHandler;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

import java.time.Duration;

/** Answers an exhausted connection pool as {@link Overloaded}, in the endpoint's own envelope. */
@Singleton
public class DatabaseBusyHandler implements ExceptionHandler<DatabaseBusyException, HttpResponse<?>> {

    private static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    private final RefusalHandler refusals;

    public DatabaseBusyHandler(RefusalHandler refusals) {
        this.refusals = refusals;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, DatabaseBusyException busy) {
        return refusals.handle(request, new Overloaded(RETRY_AFTER));
    }
}
