package com.aegisspeed.user.password;

import com.aegisspeed.common.envelope.Overloaded;
import com.aegisspeed.user.password.Argon2idHasher.Requester;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.IntStream;

/**
 * The hashing threads and who waits for them. Waiting work is kept per client and started round-robin across
 * clients, so one client flooding the pool delays another's hash by at most one hash per busy client, instead of by
 * everything it queued first. Each client, and each account, may have at most {@code share} hashes waiting or
 * running; beyond that, and when {@code capacity} hashes already wait, a hash is refused at once, and one that cannot
 * start within {@code maxWait} is given up: either way as {@link Overloaded} (429 {@code 00001}, {@code Retry-After}),
 * while the caller still listens.
 */
final class FairHashingPool {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition workWaiting = lock.newCondition();
    /** Waiting jobs per client, clients in the order they are served next. */
    private final LinkedHashMap<String, ArrayDeque<Job>> waiting = new LinkedHashMap<>();
    /** Jobs waiting or running per key (client and account). */
    private final Map<String, Integer> load = new HashMap<>();
    private final List<Thread> threads;
    private final int capacity;
    private final int share;
    private final Duration maxWait;
    private int waitingCount;
    private boolean shutDown;

    FairHashingPool(int threadCount, int capacity, int share, Duration maxWait) {
        this.capacity = capacity;
        this.share = share;
        this.maxWait = maxWait;
        this.threads = IntStream.rangeClosed(1, threadCount).mapToObj(n -> {
            Thread thread = new Thread(this::work, "argon2-" + n);
            thread.setDaemon(true);
            thread.start();
            return thread;
        }).toList();
    }

    /** The keys a requester's share is counted on: its client address and its account (if any). */
    private static List<String> keysOf(Requester requester) {
        return requester.account().isEmpty() ? List.of("client:" + requester.client())
                : List.of("client:" + requester.client(), "account:" + requester.account());
    }

    private static final class Job {
        final Requester requester;
        final Callable<byte[]> work;
        final CompletableFuture<byte[]> result = new CompletableFuture<>();
        boolean started;

        Job(Requester requester, Callable<byte[]> work) {
            this.requester = requester;
            this.work = work;
        }
    }

    byte[] run(Requester requester, Callable<byte[]> work) {
        Job job = new Job(requester, work);
        lock.lock();
        try {
            if (shutDown || waitingCount >= capacity
                    || keysOf(requester).stream().anyMatch(key -> load.getOrDefault(key, 0) >= share)) {
                throw new Overloaded(maxWait);
            }
            keysOf(requester).forEach(key -> load.merge(key, 1, Integer::sum));
            waiting.computeIfAbsent(requester.client(), client -> new ArrayDeque<>()).addLast(job);
            waitingCount++;
            workWaiting.signal();
        } finally {
            lock.unlock();
        }
        try {
            try {
                return job.result.get(maxWait.toNanos(), TimeUnit.NANOSECONDS);
            } catch (TimeoutException notDoneYet) {
                if (giveUp(job)) {
                    throw new Overloaded(maxWait);
                }
                return job.result.get();
            }
        } catch (InterruptedException e) {
            giveUp(job);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while hashing", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("hashing failed", e.getCause());
        }
    }

    /** Takes a job that has not started yet out of the queue; false when a thread already started it. */
    private boolean giveUp(Job job) {
        lock.lock();
        try {
            if (job.started) {
                return false;
            }
            ArrayDeque<Job> queue = waiting.get(job.requester.client());
            if (queue != null && queue.remove(job)) {
                waitingCount--;
                if (queue.isEmpty()) {
                    waiting.remove(job.requester.client());
                }
            }
            release(job);
            return true;
        } finally {
            lock.unlock();
        }
    }

    private void release(Job job) {
        keysOf(job.requester).forEach(key -> load.computeIfPresent(key, (k, n) -> n > 1 ? n - 1 : null));
    }

    private void work() {
        while (true) {
            Job job;
            lock.lock();
            try {
                while (waiting.isEmpty() && !shutDown) {
                    workWaiting.awaitUninterruptibly();
                }
                if (shutDown) {
                    return;
                }
                Iterator<Map.Entry<String, ArrayDeque<Job>>> first = waiting.entrySet().iterator();
                Map.Entry<String, ArrayDeque<Job>> next = first.next();
                first.remove();
                job = next.getValue().pollFirst();
                if (!next.getValue().isEmpty()) {
                    waiting.put(next.getKey(), next.getValue()); // to the back: the other clients come first
                }
                waitingCount--;
                job.started = true;
            } finally {
                lock.unlock();
            }
            try {
                job.result.complete(job.work.call());
            } catch (Throwable e) {
                job.result.completeExceptionally(e);
            } finally {
                lock.lock();
                try {
                    release(job);
                } finally {
                    lock.unlock();
                }
            }
        }
    }

    /** Hashes waiting to start. */
    int waitingCount() {
        lock.lock();
        try {
            return waitingCount;
        } finally {
            lock.unlock();
        }
    }

    void shutdown() {
        lock.lock();
        try {
            shutDown = true;
            workWaiting.signalAll();
        } finally {
            lock.unlock();
        }
        threads.forEach(Thread::interrupt);
    }
}
