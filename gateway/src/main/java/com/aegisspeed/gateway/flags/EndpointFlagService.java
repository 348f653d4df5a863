package com.aegisspeed.gateway.flags;

import com.aegisspeed.gateway.flags.EndpointFlagRepository.ChangeRow;
import com.aegisspeed.gateway.flags.EndpointFlagRepository.FlagRow;
import com.aegisspeed.gateway.flags.EndpointFlagRepository.Outcome;
import com.aegisspeed.gateway.routing.Route;
import com.aegisspeed.gateway.routing.RouteTable;
import jakarta.inject.Singleton;

import java.time.Clock;
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
    private final EndpointFlags flags;
    private final Clock clock;

    public EndpointFlagService(RouteTable routes, EndpointFlagRepository repository, EndpointFlags flags, Clock clock) {
        this.routes = routes;
        this.repository = repository;
        this.flags = flags;
        this.clock = clock;
    }

    /** A flaggable route with its stored state. */
    public record Listed(Route route, FlagRow flag) {
    }

    public List<Listed> list() {
        Map<String, FlagRow> stored = repository.all().stream()
                .collect(Collectors.toMap(FlagRow::endpointPath, row -> row));
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

    public List<ChangeRow> history(String path, int limit) {
        return repository.changes(path, limit);
    }

    private List<Outcome> change(List<String> paths, boolean open, String changedBy) {
        List<Outcome> outcomes = repository.setOpen(paths, open, changedBy, clock.instant());
        flags.applied(outcomes.stream().collect(Collectors.toMap(Outcome::endpointPath, Outcome::isOpen)));
        return outcomes;
    }

    private List<Route> flaggable() {
        return routes.all().stream().filter(Route::flaggable).sorted(Comparator.comparing(Route::path)).toList();
    }
}
