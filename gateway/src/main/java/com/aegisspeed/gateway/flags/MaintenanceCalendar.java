package com.aegisspeed.gateway.flags;

import com.aegisspeed.gateway.routes.Route;
import io.micronaut.core.annotation.Nullable;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The maintenance windows that have not ended, indexed by the endpoints they close (a service's window closes
 * each of its closable routes). The rule of a window: between its start and its end the endpoint is closed,
 * unless an operator switched that endpoint by hand after the window started; then the switch wins.
 */
public final class MaintenanceCalendar {

    static final MaintenanceCalendar EMPTY = new MaintenanceCalendar(List.of(), Map.of());

    private final List<MaintenanceWindow> windows;
    private final Map<String, List<MaintenanceWindow>> byPath;

    private MaintenanceCalendar(List<MaintenanceWindow> windows, Map<String, List<MaintenanceWindow>> byPath) {
        this.windows = windows;
        this.byPath = byPath;
    }

    /** {@code windows}: not cancelled and not ended, in start order. */
    static MaintenanceCalendar of(List<MaintenanceWindow> windows, Collection<Route> routes) {
        Map<String, List<MaintenanceWindow>> byPath = new HashMap<>();
        for (MaintenanceWindow window : windows) {
            for (String path : closedPaths(window, routes)) {
                byPath.computeIfAbsent(path, p -> new ArrayList<>()).add(window);
            }
        }
        byPath.replaceAll((path, list) -> List.copyOf(list));
        return new MaintenanceCalendar(List.copyOf(windows), Map.copyOf(byPath));
    }

    /** The closable endpoints a window closes, in path order. */
    static List<String> closedPaths(MaintenanceWindow window, Collection<Route> routes) {
        return routes.stream().filter(Route::flaggable)
                .filter(route -> route.path().equals(window.endpointPath()) || route.service().equals(window.serviceName()))
                .map(Route::path).sorted().toList();
    }

    /** Whether clients may call the endpoint at {@code now}, given its stored flag (absent: {@code openByDefault}). */
    boolean isOpen(String path, @Nullable EndpointFlag flag, boolean openByDefault, LocalDateTime now) {
        boolean stored = storedOpen(flag, openByDefault);
        MaintenanceWindow window = closing(path, now);
        if (window == null) {
            return stored;
        }
        boolean switchedSinceItStarted = flag != null && !flag.updatedAt().isBefore(window.startsAt());
        return switchedSinceItStarted && stored;
    }

    /** The latest-starting window that closes the endpoint at {@code now}, if any. */
    @Nullable
    MaintenanceWindow closing(String path, LocalDateTime now) {
        MaintenanceWindow latest = null;
        for (MaintenanceWindow window : byPath.getOrDefault(path, List.of())) {
            if (window.stateAt(now) == MaintenanceWindow.State.ACTIVE
                    && (latest == null || window.startsAt().isAfter(latest.startsAt()))) {
                latest = window;
            }
        }
        return latest;
    }

    /** Whether any window not ended closes the endpoint, now or later: if none does, its stored flag alone decides. */
    boolean covers(String path) {
        return byPath.containsKey(path);
    }

    /** The endpoint's stored flag; a route without a row yet is in its configured default state. */
    static boolean storedOpen(@Nullable EndpointFlag flag, boolean openByDefault) {
        return flag == null ? openByDefault : flag.open();
    }

    /** The windows that have not ended at {@code now}, in start order. */
    public List<MaintenanceWindow> notEndedAt(LocalDateTime now) {
        return windows.stream().filter(window -> now.isBefore(window.endsAt())).toList();
    }
}
