package com.aegisspeed.gateway.stats;

import com.aegisspeed.gateway.metrics.RouteMetrics;
import com.aegisspeed.gateway.metrics.RouteMetrics.Counted;
import io.micronaut.context.annotation.Context;
import io.micronaut.scheduling.annotation.Scheduled;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Requests and errors per route over the last few minutes, and per minute over the last hour, for the operator
 * console. Taken from the gateway's
 * own measurements ({@link RouteMetrics}, the {@code aegis_gateway_requests_seconds} counts): the running totals
 * are copied every {@code aegis.gateway.statistics.sample-interval} and kept for {@link #MAX_WINDOW}, and a
 * window is the totals now minus the copy taken at its start. Nothing is added to the request path. Counts are
 * this replica's only and start over when it restarts.
 */
@Context
public class TrafficStatistics {

    public static final int MAX_MINUTES = 15;
    public static final Duration MAX_WINDOW = Duration.ofMinutes(MAX_MINUTES);
    /** How far back the per-minute series reach: the console's charts. */
    public static final int HISTORY_MINUTES = 60;
    private static final Duration HISTORY = Duration.ofMinutes(HISTORY_MINUTES);

    private final RouteMetrics metrics;
    private final Clock clock;
    /** Oldest first; the first is the newest copy at or before the oldest window start still asked for. */
    private final List<Snapshot> snapshots = new ArrayList<>();

    public TrafficStatistics(RouteMetrics metrics, Clock clock) {
        this.metrics = metrics;
        this.clock = clock;
        // Everything counted since start: the first window of a young gateway starts here.
        snapshots.add(new Snapshot(clock.instant(), Map.of()));
    }

    /** Per route: requests, 4xx answers and 5xx answers. */
    public record Counts(long requests, long clientErrors, long serverErrors) {

        static final Counts NONE = new Counts(0, 0, 0);

        Counts plus(int status, long count) {
            return new Counts(requests + count, clientErrors + (status >= 400 && status < 500 ? count : 0),
                    serverErrors + (status >= 500 ? count : 0));
        }

        Counts minus(Counts earlier) {
            return new Counts(requests - earlier.requests, clientErrors - earlier.clientErrors,
                    serverErrors - earlier.serverErrors);
        }
    }

    /**
     * What each route answered between {@code since} and {@code until}. {@code since} is at most one sample
     * interval before the window asked for, or the gateway's start when it is younger than the window.
     */
    public record Window(Instant since, Instant until, Map<String, Counts> byRoute) {

        public Counts of(String route) {
            return byRoute.getOrDefault(route, Counts.NONE);
        }
    }

    private record Snapshot(Instant at, Map<String, Counts> totals) {
    }

    /** One minute of a series: the minute's start, its requests and its 5xx answers. */
    public record Minute(Instant start, long requests, long serverErrors) {
    }

    /** Copies the running totals; the scheduler calls it every sample interval. */
    @Scheduled(fixedDelay = "${aegis.gateway.statistics.sample-interval}",
            initialDelay = "${aegis.gateway.statistics.sample-interval}")
    public void sample() {
        Snapshot taken = new Snapshot(clock.instant(), totals());
        Instant oldestStart = taken.at().minus(HISTORY);
        synchronized (snapshots) {
            snapshots.add(taken);
            while (snapshots.size() > 1 && !snapshots.get(1).at().isAfter(oldestStart)) {
                snapshots.remove(0);
            }
        }
    }

    /** The last {@code span} (at most {@link #MAX_WINDOW}) up to now. */
    public Window last(Duration span) {
        if (span.isNegative() || span.isZero() || span.compareTo(MAX_WINDOW) > 0) {
            throw new IllegalArgumentException("window must be within " + MAX_WINDOW + ": " + span);
        }
        Instant now = clock.instant();
        Snapshot start = startOf(now.minus(span));
        Map<String, Counts> byRoute = new HashMap<>();
        totals().forEach((route, total) -> byRoute.put(route,
                total.minus(start.totals().getOrDefault(route, Counts.NONE))));
        return new Window(start.at(), now, byRoute);
    }

    /**
     * Requests and 5xx answers per minute over the last {@link #HISTORY_MINUTES}, oldest first, summed over the
     * routes {@code group} puts together (e.g. by service). A minute's edges are the nearest copies at or before
     * them, so counts shift by at most one sample interval; minutes before the gateway started count nothing.
     */
    public Map<String, List<Minute>> perMinute(Function<String, String> group) {
        Instant now = clock.instant();
        Map<String, Counts> endTotals = totals();
        List<Instant> starts = new ArrayList<>();
        List<Map<String, Counts>> counted = new ArrayList<>();
        for (int minute = 1; minute <= HISTORY_MINUTES; minute++) {
            Instant start = now.minus(Duration.ofMinutes(minute));
            // The oldest copy when none is that old: the gateway's start (nothing counted) or an hour ago.
            Map<String, Counts> startTotals = startOf(start).totals();
            Map<String, Counts> inMinute = new HashMap<>();
            endTotals.forEach((route, total) -> inMinute.merge(group.apply(route),
                    total.minus(startTotals.getOrDefault(route, Counts.NONE)), TrafficStatistics::sum));
            starts.add(0, start);
            counted.add(0, inMinute);
            endTotals = startTotals;
        }
        Set<String> names = new TreeSet<>();
        counted.forEach(minute -> names.addAll(minute.keySet()));
        Map<String, List<Minute>> series = new LinkedHashMap<>();
        for (String name : names) {
            List<Minute> minutes = new ArrayList<>(HISTORY_MINUTES);
            for (int i = 0; i < starts.size(); i++) {
                Counts counts = counted.get(i).getOrDefault(name, Counts.NONE);
                minutes.add(new Minute(starts.get(i), counts.requests(), counts.serverErrors()));
            }
            series.put(name, minutes);
        }
        return series;
    }

    private static Counts sum(Counts a, Counts b) {
        return new Counts(a.requests() + b.requests(), a.clientErrors() + b.clientErrors(), a.serverErrors() + b.serverErrors());
    }

    /** The newest copy taken at or before {@code start}, else the oldest there is. */
    private Snapshot startOf(Instant start) {
        synchronized (snapshots) {
            Snapshot found = snapshots.get(0);
            for (Snapshot snapshot : snapshots) {
                if (snapshot.at().isAfter(start)) {
                    break;
                }
                found = snapshot;
            }
            return found;
        }
    }

    private Map<String, Counts> totals() {
        Map<String, Counts> totals = new HashMap<>();
        for (Counted counted : metrics.counted()) {
            totals.compute(counted.route(), (route, sum) ->
                    (sum == null ? Counts.NONE : sum).plus(counted.status(), counted.count()));
        }
        return totals;
    }
}
