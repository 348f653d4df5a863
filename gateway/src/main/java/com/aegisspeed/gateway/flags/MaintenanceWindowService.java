package com.aegisspeed.gateway.flags;

import com.aegisspeed.common.envelope.Codes;
import com.aegisspeed.common.envelope.Refusal;
import com.aegisspeed.common.time.Utc;
import com.aegisspeed.gateway.GatewayCodes.Operator;
import com.aegisspeed.gateway.routes.RouteTable;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import io.micronaut.http.HttpStatus;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

/**
 * What operators do with maintenance windows: schedule one for an endpoint or a whole service, cancel one,
 * list them. A window whose start has passed starts with the next second. The window rows are their own audit history: who
 * scheduled each one and when, and who cancelled it and when.
 */
@Singleton
public class MaintenanceWindowService {

    private final RouteTable routes;
    private final MaintenanceWindowRepository windows;
    private final TransactionOperations<Connection> transactions;
    private final EndpointFlags flags;
    private final Clock clock;
    private final Duration longest;
    private final Duration furthestAhead;

    public MaintenanceWindowService(RouteTable routes, MaintenanceWindowRepository windows,
                                    TransactionOperations<Connection> transactions, EndpointFlags flags, Clock clock,
                                    @Value("${aegis.gateway.maintenance.longest-window}") Duration longest,
                                    @Value("${aegis.gateway.maintenance.furthest-ahead}") Duration furthestAhead) {
        this.routes = routes;
        this.windows = windows;
        this.transactions = transactions;
        this.flags = flags;
        this.clock = clock;
        this.longest = longest;
        this.furthestAhead = furthestAhead;
    }

    /** A window as operators and clients see it: its row, where it stands now and the endpoints it closes. */
    public record Listed(MaintenanceWindow window, MaintenanceWindow.State state, List<String> endpointPaths) {
    }

    /** Exactly one of {@code endpointPath} and {@code serviceName}. */
    public Listed schedule(@Nullable String endpointPath, @Nullable String serviceName, Instant startsAt, Instant endsAt,
                           String reason, String scheduledBy) {
        if ((endpointPath == null) == (serviceName == null)) {
            throw new Refusal(HttpStatus.BAD_REQUEST, Codes.MALFORMED_REQUEST, "Give either endpoint_path or service_name");
        }
        LocalDateTime now = Utc.now(clock);
        // Starts on a whole second after this one, so a switch made before the window was scheduled is older
        // than its start, and one made once it is in force is not (stored times are whole seconds).
        LocalDateTime start = max(Utc.stored(startsAt.plusNanos(999_999_999)), now.plusSeconds(1));
        LocalDateTime end = Utc.stored(endsAt);
        if (!end.isAfter(start)) {
            throw new Refusal(HttpStatus.BAD_REQUEST, Operator.TIMES_REFUSED, "ends_at must be after starts_at and in the future");
        }
        if (Duration.between(start, end).compareTo(longest) > 0 || Duration.between(now, start).compareTo(furthestAhead) > 0) {
            throw new Refusal(HttpStatus.BAD_REQUEST, Operator.TIMES_REFUSED,
                    "A window lasts at most " + longest.toDays() + " days and starts within " + furthestAhead.toDays() + " days");
        }
        MaintenanceWindow window = new MaintenanceWindow(null, endpointPath, serviceName, start, end, reason.strip(),
                scheduledBy, now, null, null);
        List<String> closed = MaintenanceCalendar.closedPaths(window, routes.all());
        if (closed.isEmpty()) {
            throw new Refusal(HttpStatus.NOT_FOUND, Operator.NO_SUCH_TARGET, endpointPath != null
                    ? "No such endpoint in the route table" : "No such service in the route table");
        }
        MaintenanceWindow saved = windows.save(window);
        flags.windowsChanged();
        return listed(saved);
    }

    /** Cancels a window that has not ended; one that has ended or was cancelled already is refused. */
    public Listed cancel(long id, String cancelledBy) {
        MaintenanceWindow cancelled = transactions.executeWrite(status -> {
            MaintenanceWindow window = windows.findByIdForUpdate(id).orElseThrow(
                    () -> new Refusal(HttpStatus.NOT_FOUND, Operator.NO_SUCH_TARGET, "No such maintenance window"));
            LocalDateTime now = Utc.now(clock);
            MaintenanceWindow.State state = window.stateAt(now);
            if (state == MaintenanceWindow.State.ENDED || state == MaintenanceWindow.State.CANCELLED) {
                throw new Refusal(HttpStatus.CONFLICT, Operator.NOT_CANCELLABLE, "The window has " + state.label() + " already");
            }
            windows.update(id, cancelledBy, now);
            return new MaintenanceWindow(window.id(), window.endpointPath(), window.serviceName(), window.startsAt(),
                    window.endsAt(), window.reason(), window.scheduledBy(), window.scheduledAt(), cancelledBy, now);
        });
        flags.windowsChanged();
        return listed(cancelled);
    }

    /** Newest first (by when they were scheduled), ended and cancelled ones included. */
    public List<Listed> list(int limit) {
        return windows.findAll(Pageable.from(0, limit, Sort.of(Sort.Order.desc("id")))).stream().map(this::listed).toList();
    }

    /** The windows that have not ended and are not cancelled, as this replica last read them, in start order. */
    public List<Listed> upcoming() {
        return flags.calendar().notEndedAt(Utc.now(clock)).stream().map(this::listed).toList();
    }

    private Listed listed(MaintenanceWindow window) {
        return new Listed(window, window.stateAt(Utc.now(clock)), MaintenanceCalendar.closedPaths(window, routes.all()));
    }

    private static LocalDateTime max(LocalDateTime a, LocalDateTime b) {
        return a.isAfter(b) ? a : b;
    }
}
