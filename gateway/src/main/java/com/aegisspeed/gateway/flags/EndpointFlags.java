package com.aegisspeed.gateway.flags;

import com.aegisspeed.common.time.Utc;
import com.aegisspeed.gateway.routes.Route;
import com.aegisspeed.gateway.routes.RouteTable;
import io.micronaut.context.annotation.Context;
import io.micronaut.scheduling.annotation.Scheduled;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The endpoint-open flags and maintenance windows as the request path reads them: held in memory, read again
 * from the database every {@code aegis.gateway.flags.refresh-interval}, so a change made through any replica is
 * applied by all of them within about a second (docs/contract.md: within 2 s). A window's start and end apply
 * on each replica's own clock, to the second. The first read seeds a row for every flaggable route that has
 * none, in its configured default state. While the database is unreachable the last known states stay in force.
 */
@Context
public class EndpointFlags {

    private static final Logger LOG = LoggerFactory.getLogger(EndpointFlags.class);

    private final RouteTable routes;
    private final EndpointFlagRepository repository;
    private final MaintenanceWindowRepository windows;
    private final Clock clock;
    private volatile Map<String, EndpointFlag> byPath = Map.of();
    private volatile MaintenanceCalendar calendar = MaintenanceCalendar.EMPTY;
    /** Changes made through this gateway, so a read that overlapped one does not undo it. */
    private volatile long localChanges;
    private volatile boolean seeded;
    private volatile boolean failing;

    public EndpointFlags(RouteTable routes, EndpointFlagRepository repository, MaintenanceWindowRepository windows,
                         Clock clock) {
        this.routes = routes;
        this.repository = repository;
        this.windows = windows;
        this.clock = clock;
        refresh();
    }

    /** Whether the route is open; routes that cannot be closed always are. */
    public boolean isOpen(Route route) {
        if (!route.flaggable()) {
            return true;
        }
        EndpointFlag flag = byPath.get(route.path());
        MaintenanceCalendar current = calendar;
        // The clock is read only for an endpoint a window closes now or later, not on every request.
        return current.covers(route.path())
                ? current.isOpen(route.path(), flag, route.openByDefault(), Utc.now(clock))
                : MaintenanceCalendar.storedOpen(flag, route.openByDefault());
    }

    /** The maintenance windows that have not ended, as this replica last read them. */
    public MaintenanceCalendar calendar() {
        return calendar;
    }

    @Scheduled(fixedDelay = "${aegis.gateway.flags.refresh-interval}", initialDelay = "${aegis.gateway.flags.refresh-interval}")
    void refresh() {
        try {
            if (!seeded) {
                seed();
            }
            long before = localChanges;
            Map<String, EndpointFlag> read = repository.findAll().stream()
                    .collect(Collectors.toUnmodifiableMap(EndpointFlag::endpointPath, flag -> flag));
            MaintenanceCalendar readCalendar = readCalendar();
            synchronized (this) {
                // A change made here while reading may be missing from what was read: the next read has it.
                if (before == localChanges) {
                    byPath = read;
                    calendar = readCalendar;
                }
            }
            if (failing) {
                LOG.info("Endpoint flags readable again");
                failing = false;
            }
        } catch (RuntimeException e) {
            // Whatever the database layer throws (no connection, a failed query), the last known states hold.
            if (!failing) {
                LOG.warn("Endpoint flags unreadable ({}); keeping the last known states", e.toString());
                failing = true;
            }
        }
    }

    /** Applies flag rows this gateway just wrote at once, without waiting for the next read. */
    synchronized void applied(List<EndpointFlag> changed) {
        Map<String, EndpointFlag> updated = new HashMap<>(byPath);
        changed.forEach(flag -> updated.put(flag.endpointPath(), flag));
        byPath = Map.copyOf(updated);
        localChanges++;
    }

    /** Applies a window this gateway just scheduled or cancelled at once, without waiting for the next read. */
    void windowsChanged() {
        MaintenanceCalendar read = readCalendar();
        synchronized (this) {
            calendar = read;
            localChanges++;
        }
    }

    /** The windows not ended now, as the database has them. */
    MaintenanceCalendar readCalendar() {
        return MaintenanceCalendar.of(
                windows.findByEndsAtGreaterThanAndCancelledAtIsNullOrderByStartsAt(Utc.now(clock)), routes.all());
    }

    private void seed() {
        for (Route route : routes.all()) {
            if (route.flaggable()) {
                repository.insertIfMissing(route.path(), route.service(), route.openByDefault(), Utc.now(clock));
            }
        }
        seeded = true;
    }
}
