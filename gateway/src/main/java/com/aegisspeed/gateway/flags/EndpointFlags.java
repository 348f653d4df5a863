package com.aegisspeed.gateway.flags;

import com.aegisspeed.common.time.Utc;
import com.aegisspeed.gateway.routing.Route;
import com.aegisspeed.gateway.routing.RouteTable;
import io.micronaut.context.annotation.Context;
import io.micronaut.scheduling.annotation.Scheduled;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The endpoint-open flags as the request path reads them: held in memory, read again from the database every
 * {@code aegis.gateway.flags.refresh-interval}, so a change made through any replica is applied by all of
 * them within about a second (docs/contract.md: within 2 s). The first read seeds a row for every flaggable
 * route that has none, in its configured default state. While the database is unreachable the last known
 * states stay in force.
 */
@Context
public class EndpointFlags {

    private static final Logger LOG = LoggerFactory.getLogger(EndpointFlags.class);

    private final RouteTable routes;
    private final EndpointFlagRepository repository;
    private final Clock clock;
    private volatile Map<String, Boolean> openByPath = Map.of();
    /** Changes made through this gateway, so a read that overlapped one does not undo it. */
    private volatile long localChanges;
    private volatile boolean seeded;
    private volatile boolean failing;

    public EndpointFlags(RouteTable routes, EndpointFlagRepository repository, Clock clock) {
        this.routes = routes;
        this.repository = repository;
        this.clock = clock;
        refresh();
    }

    /** Whether the route is open; routes that cannot be closed always are. */
    public boolean isOpen(Route route) {
        if (!route.flaggable()) {
            return true;
        }
        Boolean open = openByPath.get(route.path());
        return open == null ? route.openByDefault() : open;
    }

    @Scheduled(fixedDelay = "${aegis.gateway.flags.refresh-interval}", initialDelay = "${aegis.gateway.flags.refresh-interval}")
    void refresh() {
        try {
            if (!seeded) {
                seed();
            }
            long before = localChanges;
            Map<String, Boolean> read = repository.findAll().stream()
                    .collect(Collectors.toUnmodifiableMap(EndpointFlag::endpointPath, EndpointFlag::open));
            synchronized (this) {
                // A change made here while reading may be missing from what was read: the next read has it.
                if (before == localChanges) {
                    openByPath = read;
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

    /** Applies a change this gateway just made at once, without waiting for the next read. */
    synchronized void applied(Map<String, Boolean> changes) {
        Map<String, Boolean> updated = new HashMap<>(openByPath);
        updated.putAll(changes);
        openByPath = Map.copyOf(updated);
        localChanges++;
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
