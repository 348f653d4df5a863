package com.aegisspeed.user.password;

import com.aegisspeed.common.envelope.Overloaded;
import com.aegisspeed.user.password.Argon2idHasher.Requester;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The order in which the hashing pool starts waiting work, on its own thread with work that waits for the test
 * instead of for the clock: another client's hash starts after at most one more of a flooding client's, and a
 * client past its share is refused at once.
 */
class FairHashingPoolTest {

    private static final int SHARE = 8;

    @Test
    void anotherClientsHashStartsAfterAtMostOneMoreOfAFloodingClientsHashes() throws Exception {
        FairHashingPool pool = new FairHashingPool(1, 64, SHARE, Duration.ofMinutes(1));
        ExecutorService callers = Executors.newCachedThreadPool();
        List<String> started = java.util.Collections.synchronizedList(new ArrayList<>());
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try {
            List<Future<byte[]>> answers = new ArrayList<>();
            answers.add(callers.submit(() -> pool.run(new Requester("flooder", "a0"), () -> {
                started.add("flooder-0");
                running.countDown();
                release.await();
                return new byte[0];
            })));
            assertTrue(running.await(30, TimeUnit.SECONDS));
            for (int i = 1; i < SHARE; i++) {
                String name = "flooder-" + i;
                answers.add(callers.submit(() -> pool.run(new Requester("flooder", name), () -> record(started, name))));
            }
            await(pool::waitingCount, SHARE - 1);
            assertThrows(Overloaded.class, () -> pool.run(new Requester("flooder", "one-more"), () -> new byte[0]),
                    "the flooder is past its share");

            answers.add(callers.submit(() -> pool.run(new Requester("other", "b"), () -> record(started, "other"))));
            await(pool::waitingCount, SHARE);
            release.countDown();
            for (Future<byte[]> answer : answers) {
                answer.get(30, TimeUnit.SECONDS);
            }
            // The waiting flooder hashes were queued by threads of their own, in no set order among themselves.
            assertEquals("flooder-0", started.get(0), "started in order: " + started);
            assertTrue(started.get(1).startsWith("flooder-"), "started in order: " + started);
            assertEquals("other", started.get(2), "started in order: " + started);
            assertEquals(SHARE + 1, started.size());
        } finally {
            release.countDown();
            callers.shutdownNow();
            pool.shutdown();
        }
    }

    private static byte[] record(List<String> started, String name) {
        started.add(name);
        return new byte[0];
    }

    private static void await(IntSupplier count, int wanted) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (count.getAsInt() != wanted) {
            assertTrue(System.nanoTime() < deadline, "waiting hashes: " + count.getAsInt() + ", expected " + wanted);
            Thread.sleep(5);
        }
    }
}
