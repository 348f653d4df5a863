package com.aegisspeed.gateway.flags;

import com.aegisspeed.common.time.Utc;
import com.aegisspeed.gateway.routes.Route;
import com.aegisspeed.gateway.routes.RouteTable;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What operators do with the flags: list them, open or close one endpoint or all of one service, read the history.
 * A switch acts on what clients see: opening an endpoint a maintenance window closes opens it for the rest of
 * that window (the switch wins), and the switch is stored, so it also holds after the window.
 */
@Singleton
public class EndpointFlagService {

    private final RouteTable routes;
    private final EndpointFlagRepository repository;
    private final EndpointFlagChangeRepository changes;
    private final TransactionOperations<Connection> transactions;
    private final EndpointFlags flags;
    private final Clock clock;

    public EndpointFlagService(RouteTable routes, EndpointFlagRepository repository, EndpointFlagChangeRepository changes,
                               TransactionOperations<Connection> transactions, EndpointFlags flags, Clock clock) {
        this.routes = routes;
        this.repository = repository;
        this.changes = changes;
        this.transactions = transactions;
        this.flags = flags;
        this.clock = clock;
    }

    /**
     * A flaggable route with its stored state, whether clients may call it now, and the maintenance window
     * closing it now ({@code null} when none does, or a switch since the window started won).
     */
    public record Listed(Route route, EndpointFlag flag, boolean open, @Nullable MaintenanceWindow closingWindow) {
    }

    /** One endpoint before and after a change, as clients see it. */
    public record Outcome(String endpointPath, boolean wasOpen, boolean isOpen) {
    }

    public List<Listed> list() {
        Map<String, EndpointFlag> stored = repository.listOrderByEndpointPath().stream()
                .collect(Collectors.toMap(EndpointFlag::endpointPath, row -> row));
        MaintenanceCalendar calendar = flags.readCalendar();
        LocalDateTime now = Utc.now(clock);
        return flaggable().stream()
                .filter(route -> stored.containsKey(route.path()))
                .map(route -> {
                    EndpointFlag flag = stored.get(route.path());
                    boolean open = calendar.isOpen(route.path(), flag, route.openByDefault(), now);
                    MaintenanceWindow window = calendar.closing(route.path(), now);
                    return new Listed(route, flag, open, open ? null : window);
                })
                .toList();
    }

    /** Empty when the route table has no flaggable endpoint at that path. */
    public Optional<Outcome> setEndpoint(String path, boolean open, String changedBy) {
        if (routes.find(path).filter(Route::flaggable).isEmpty()) {
            return Optional.empty();
        }
        return change(List.of(path), open, changedBy).stream().findFirst();
    }

    /** Empty when no flaggable endpoint belongs to that service. */
    public Optional<List<Outcome>> setService(String service, boolean open, String changedBy) {
        List<String> paths = flaggable().stream().filter(route -> route.service().equals(service))
                .map(Route::path).toList();
        return paths.isEmpty() ? Optional.empty() : Optional.of(change(paths, open, changedBy));
    }

    /** Newest first; {@code path} {@code null} means every endpoint. */
    public List<EndpointFlagChange> history(String path, int limit) {
        Pageable newestFirst = Pageable.from(0, limit, Sort.of(Sort.Order.desc("id")));
        return path == null ? changes.findAll(newestFirst) : changes.findByEndpointPath(path, newestFirst);
    }

    private List<Outcome> change(List<String> paths, boolean open, String changedBy) {
        Switched switched = transactions.executeWrite(status -> setOpen(paths, open, changedBy, Utc.now(clock)));
        flags.applied(switched.written());
        return switched.outcomes();
    }

    /** What one switch did: each endpoint's outcome, and the rows it wrote. */
    private record Switched(List<Outcome> outcomes, List<EndpointFlag> written) {
    }

    /**
     * In one transaction: locks each endpoint's row and, where clients' view or the stored state differs from
     * {@code open}, stores {@code open} and writes an audit row (the stored state can differ alone while a window
     * closes the endpoint: closing it by hand then keeps it closed after the window). Paths without a row are skipped.
     */
    private Switched setOpen(List<String> paths, boolean open, String changedBy, LocalDateTime now) {
        MaintenanceCalendar calendar = flags.readCalendar();
        List<Outcome> outcomes = new ArrayList<>();
        List<EndpointFlag> written = new ArrayList<>();
        for (String path : paths) {
            Optional<EndpointFlag> locked = repository.findByEndpointPathForUpdate(path);
            if (locked.isEmpty()) {
                continue;
            }
            EndpointFlag flag = locked.get();
            boolean wasOpen = calendar.isOpen(path, flag, flag.open(), now);
            if (wasOpen != open || flag.open() != open) {
                repository.update(path, open, now);
                changes.save(new EndpointFlagChange(null, path, wasOpen, open, changedBy, now));
                written.add(new EndpointFlag(path, flag.serviceName(), open, now));
            }
            outcomes.add(new Outcome(path, wasOpen, open));
        }
        return new Switched(outcomes, written);
    }

    private List<Route> flaggable() {
        return routes.all().stream().filter(Route::flaggable).sorted(Comparator.comparing(Route::path)).toList();
    }
}
