package com.aegisspeed.testsupport;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/** Runs small test classes through JUnit with the check autodetected, as every module's tests run. */
class ThreadLeakCheckTest {

    /** Holds the threads {@link LeavesThreadsRunning} starts; released after each test. */
    private static final CountDownLatch RELEASE = new CountDownLatch(1);

    @AfterEach
    void releaseTheThreads() {
        RELEASE.countDown();
    }

    @Test
    void aClassThatLeavesMoreThreadsRunningThanAllowedFailsAndNamesThem() {
        Events classes = run(LeavesThreadsRunning.class);

        assertEquals(1, classes.failed().count());
        String message = classes.failed().stream().findFirst().orElseThrow().getPayload(
                org.junit.platform.engine.TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow().getMessage();
        assertTrue(message.contains("left 4 new live threads (at most 3 allowed") && message.contains("left-behind-N=4"),
                message);
    }

    @Test
    void aClassThatStopsTheThreadsItStartedPasses() {
        Events classes = run(StopsItsThreads.class);

        assertEquals(0, classes.failed().count());
        assertEquals(2, classes.succeeded().count());
    }

    private static Events run(Class<?> testClass) {
        return EngineTestKit.engine("junit-jupiter")
                .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "true")
                .configurationParameter(ThreadLeakCheck.MAX_LEFT, "3")
                .selectors(selectClass(testClass))
                .execute().containerEvents();
    }

    private static Thread waitingThread(String name, CountDownLatch until) {
        Thread thread = new Thread(() -> {
            try {
                until.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    static class LeavesThreadsRunning {

        @Test
        void startsFourThreadsAndLeavesThemWaiting() {
            for (int i = 1; i <= 4; i++) {
                waitingThread("left-behind-" + i, RELEASE);
            }
        }
    }

    static class StopsItsThreads {

        @Test
        void startsFourThreadsAndStopsThem() throws InterruptedException {
            CountDownLatch done = new CountDownLatch(1);
            List<Thread> threads = new ArrayList<>();
            for (int i = 1; i <= 4; i++) {
                threads.add(waitingThread("stopped-" + i, done));
            }
            done.countDown();
            for (Thread thread : threads) {
                thread.join();
            }
        }
    }
}
