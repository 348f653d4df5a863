package com.aegisspeed.gateway.flags;

import com.aegisspeed.common.time.Utc;
import com.aegisspeed.gateway.routing.Route;
import com.aegisspeed.gateway.routing.RouteTable;
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

/** What operators do with the flags: list them, open or close one endpoint or all of one service, read the history. */
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

    /** A flaggable route with its stored state. */
    public record Listed(Route route, EndpointFlag flag) {
    }

    /** One endpoint before and after a change. */
    public record Outcome(String endpointPath, boolean wasOpen, boolean isOpen) {
        boolean changed() {
            return wasOpen != isOpen;
        }
    }

    public List<Listed> list() {
        Map<String, EndpointFlag> stored = repository.listOrderByEndpointPath().stream()
                .collect(Collectors.toMap(EndpointFlag::endpointPath, row -> row));
        return flaggable().stream()
                .filter(route -> stored.containsKey(route.path()))
                .map(route -> new Listed(route, stored.get(route.path())))
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
        List<Outcome> outcomes = transactions.executeWrite(status -> setOpen(paths, open, changedBy, Utc.now(clock)));
        flags.applied(outcomes.stream().collect(Collectors.toMap(Outcome::endpointPath, Outcome::isOpen)));
        return outcomes;
    }

    /**
     * In one transaction: locks each endpoint's row, sets it to {@code open} and writes an audit row for each one
     * whose state actually changes. Paths without a row are skipped.
     */
    private List<Outcome> setOpen(List<String> paths, boolean open, String changedBy, LocalDateTime now) {
        List<Outcome> outcomes = new ArrayList<>();
        for (String path : paths) {
            Optional<EndpointFlag> locked = repository.findByEndpointPathForUpdate(path);
            if (locked.isEmpty()) {
                continue;
            }
            Outcome outcome = new Outcome(path, locked.get().open(), open);
            if (outcome.changed()) {
                repository.update(path, open, now);
                changes.save(new EndpointFlagChange(null, path, outcome.wasOpen(), open, changedBy, now));
            }
            outcomes.add(outcome);
        }
        return outcomes;
    }

    private List<Route> flaggable() {
        return routes.all().stream().filter(Route::flaggable).sorted(Comparator.comparing(Route::path)).toList();
    }
}
