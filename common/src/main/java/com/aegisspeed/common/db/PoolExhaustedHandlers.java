package com.aegisspeed.common.db;

import com.aegisspeed.common.envelope.Overloaded;
import com.aegisspeed.common.envelope.RefusalHandler;
import io.micronaut.context.annotation.Factory;
import io.micronaut.data.connection.exceptions.ConnectionException;
import io.micronaut.data.connection.jdbc.exceptions.CannotGetJdbcConnectionException;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.transaction.exceptions.TransactionException;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;

/**
 * Every pooled connection stayed in use for the whole connection timeout while the database itself answers: a
 * burst larger than the service can serve in time, not a fault. Answered as {@link Overloaded} (429 {@code 00001}
 * with {@code Retry-After}, in the endpoint's envelope), so clients repeat the request later and the gateway's
 * circuit breaker does not count it. Hikari's timeout names the last failure to connect as its cause; without one
 * the pool was simply busy. Micronaut Data and its transactions each wrap that timeout in an exception of their own,
 * so there is one handler per wrapper; anything else they wrap stays a server fault.
 */
@Factory
public class PoolExhaustedHandlers {

    private static final Logger LOG = LoggerFactory.getLogger(PoolExhaustedHandlers.class);
    private static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    private final RefusalHandler refusals;
    private final ErrorResponseProcessor<?> errors;

    public PoolExhaustedHandlers(RefusalHandler refusals, ErrorResponseProcessor<?> errors) {
        this.refusals = refusals;
        this.errors = errors;
    }

    /** Whether {@code error} comes of a pool that had no free connection while the database answered. */
    public static boolean isCauseOf(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException timeout) {
                return timeout.getCause() == null;
            }
        }
        return false;
    }

    @Singleton
    ExceptionHandler<CannotGetJdbcConnectionException, HttpResponse<?>> noConnection() {
        return this::answer;
    }

    @Singleton
    ExceptionHandler<ConnectionException, HttpResponse<?>> connection() {
        return this::answer;
    }

    @Singleton
    ExceptionHandler<DataAccessException, HttpResponse<?>> dataAccess() {
        return this::answer;
    }

    @Singleton
    ExceptionHandler<TransactionException, HttpResponse<?>> transaction() {
        return this::answer;
    }

    private HttpResponse<?> answer(HttpRequest request, RuntimeException error) {
        if (isCauseOf(error)) {
            return refusals.handle(request, new Overloaded(RETRY_AFTER));
        }
        LOG.error("{} {} failed on the database: {}", request.getMethod(), request.getPath(), causes(error));
        return errors.processResponse(ErrorContext.builder(request).cause(error).build(), HttpResponse.serverError());
    }

    /**
     * The exception classes down the cause chain, with the SQLSTATE where there is one: the messages are left out,
     * as a driver's may quote the values of the statement (a duplicate phone number or e-mail address).
     */
    static String causes(Throwable error) {
        StringBuilder chain = new StringBuilder();
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            chain.append(chain.isEmpty() ? "" : " < ").append(t.getClass().getName());
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                chain.append(" [").append(sql.getSQLState()).append(']');
            }
        }
        return chain.toString();
    }
}
