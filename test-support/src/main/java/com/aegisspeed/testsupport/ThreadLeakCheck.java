package com.aegisspeed.testsupport;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Fails a test class that leaves more than a few live threads behind (a client, pool or server it never
 * closed): leaked threads add up over a suite until a process limit refuses new ones and a test hangs.
 * Registered for every test class of every module through JUnit's extension autodetection.
 *
 * <p>Threads the JVM or a library keeps once for everyone (process reapers, the common fork-join pool, the
 * workers of the shared {@link TestHttpClients}, JUnit's timeout watcher, the MySQL driver's cleaner) are reused
 * by the next class and are not counted. Garbage is collected before counting: a thread that ends once its owner
 * is unreachable (a dropped JDK HTTP client's selector) is not what a class holds; a pool never shut down is.
 */
public final class ThreadLeakCheck implements BeforeAllCallback, AfterAllCallback {

    /** The most new live threads a class may leave; a configuration parameter, so a run may tighten it. */
    public static final String MAX_LEFT = "aegis.test.threads-left-max";
    private static final int DEFAULT_MAX_LEFT = 10;
    /** Closed executors and event loops finish their threads shortly after closing: wait for them this long. */
    private static final long SETTLE_MILLIS = 10_000;
    private static final Pattern SHARED_POOLS = Pattern.compile(
            "process reaper|ForkJoinPool\\.commonPool-worker-\\d+|HttpClient-\\d+-Worker-\\d+|Attach Listener"
                    + "|junit-jupiter-timeout-watcher|mysql-cj-abandoned-connection-cleanup");
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ThreadLeakCheck.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getStore(NAMESPACE).put(context.getUniqueId(), liveThreadIds());
    }

    @Override
    public void afterAll(ExtensionContext context) throws InterruptedException {
        @SuppressWarnings("unchecked")
        Set<Long> before = (Set<Long>) context.getStore(NAMESPACE).remove(context.getUniqueId(), Set.class);
        if (before == null) {
            return;
        }
        int allowed = context.getConfigurationParameter(MAX_LEFT).map(Integer::parseInt).orElse(DEFAULT_MAX_LEFT);
        long deadline = System.nanoTime() + SETTLE_MILLIS * 1_000_000;
        Map<String, Long> left = newThreads(before);
        while (total(left) > allowed && System.nanoTime() < deadline) {
            System.gc();
            Thread.sleep(200);
            left = newThreads(before);
        }
        if (total(left) > allowed) {
            throw new AssertionError(context.getDisplayName() + " left " + total(left) + " new live threads (at most "
                    + allowed + " allowed; close what the class started), by name: " + left);
        }
    }

    private static Set<Long> liveThreadIds() {
        return Thread.getAllStackTraces().keySet().stream().map(Thread::getId).collect(Collectors.toSet());
    }

    /** Threads started since {@code before} and still alive, counted by name with the numbers left out. */
    private static Map<String, Long> newThreads(Set<Long> before) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.isAlive() && !before.contains(thread.getId()))
                .map(Thread::getName)
                .filter(name -> !SHARED_POOLS.matcher(name).matches())
                .map(name -> name.replaceAll("\\d+", "N"))
                .collect(Collectors.groupingBy(Function.identity(), TreeMap::new, Collectors.counting()));
    }

    private static long total(Map<String, Long> left) {
        return left.values().stream().mapToLong(Long::longValue).sum();
    }
}
