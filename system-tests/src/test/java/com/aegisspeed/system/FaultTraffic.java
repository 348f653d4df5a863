package com.aegisspeed.system;

import com.aegisspeed.testsupport.TestHttp;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Client traffic through the gateway from several threads while a test breaks something underneath: fresh
 * registrations, logins, machine binds, user-info reads and machine-code checks, each answer recorded with when
 * it was sent and answered, and every acknowledged (10000) registration and bind remembered for counting afterwards.
 */
final class FaultTraffic implements AutoCloseable {

    /** One kind of call: its documented success and its documented internal-error code. */
    enum Operation {
        REGISTER("10009"), LOGIN("10004"), BIND("10005"), USER_INFO("10003"), MACHINE_CHECK("10004");

        final String internalErrorCode;

        Operation(String internalErrorCode) {
            this.internalErrorCode = internalErrorCode;
        }
    }

    /** A player registered before the fault, whose token binds machines and reads user info throughout. */
    record Player(Clients.Person person, String token) {
    }

    /** One answer (or, when {@code reply} is null, the exception that took its place). */
    record Call(Operation operation, long sentAt, long answeredAt, TestHttp.Reply reply, RuntimeException failure) {

        Duration took() {
            return Duration.ofNanos(answeredAt - sentAt);
        }

        FaultChecks.Timed timed() {
            return new FaultChecks.Timed(operation.name(), reply, took());
        }

        boolean succeeded() {
            if (reply == null || reply.status() != 200) {
                return false;
            }
            try {
                return "10000".equals(reply.envelope().get("code"));
            } catch (AssertionError notJson) {
                return false; // judged by the test, not here
            }
        }

        @Override
        public String toString() {
            return reply == null ? operation + " -> no answer: " + failure : timed().toString();
        }
    }

    /**
     * Registers a fresh player for a test's set-up. The set-up is not under test: a first registration on a
     * cold suite may outlast a timeout on a busy machine, so it is repeated (as another person, since the first
     * may yet have been stored) until one is acknowledged.
     */
    static Player registerPlayer(Clients clients) {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        TestHttp.Reply reply;
        Clients.Person person;
        do {
            person = Clients.Person.fresh();
            reply = clients.register(person);
            if (reply.status() == 200) {
                return new Player(person, reply.envelope().get("token").toString());
            }
            FaultChecks.pause(Duration.ofSeconds(1));
        } while (System.nanoTime() < deadline);
        throw new AssertionError("no registration acknowledged within 90 s: " + reply.body());
    }

    private final Clients clients;
    private final List<Player> players;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Set<String> registered = ConcurrentHashMap.newKeySet();
    /** Acknowledged machine code -> the index of the player it was bound to. */
    private final Map<String, Integer> bound = new ConcurrentHashMap<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Thread> workers = new ArrayList<>();

    private FaultTraffic(Clients clients, List<Player> players) {
        this.clients = clients;
        this.players = players;
    }

    /** Starts {@code threads} workers, each going round the operations from a different one. */
    static FaultTraffic start(Clients clients, List<Player> players, int threads) {
        FaultTraffic traffic = new FaultTraffic(clients, players);
        for (int i = 0; i < threads; i++) {
            int worker = i;
            Thread thread = new Thread(() -> traffic.work(worker), "fault-traffic-" + i);
            thread.setDaemon(true);
            traffic.workers.add(thread);
            thread.start();
        }
        return traffic;
    }

    private void work(int worker) {
        Operation[] operations = Operation.values();
        for (int n = worker; running.get(); n++) {
            Operation operation = operations[n % operations.length];
            int playerIndex = n % players.size();
            once(operation, playerIndex);
            // A short breath between calls: the point is many calls over the outage, not saturating two cores.
            FaultChecks.pause(Duration.ofMillis(50));
        }
    }

    /** Sends one call of {@code operation} (as player {@code playerIndex} where it needs one) and records it. */
    Call once(Operation operation, int playerIndex) {
        Player player = players.get(playerIndex);
        Clients.Person fresh = Clients.Person.fresh();
        String machineCode = Clients.machineCode();
        Supplier<TestHttp.Reply> request = switch (operation) {
            case REGISTER -> () -> clients.register(fresh);
            case LOGIN -> () -> clients.login(player.person().idNumber(), player.person().password());
            case BIND -> () -> clients.bindMachine(player.token(), player.person().idNumber(), machineCode);
            case USER_INFO -> () -> clients.get("/user/info/get_user_info", player.token());
            case MACHINE_CHECK -> () -> clients.machineCodeAvailability(player.person().idNumber(), machineCode);
        };
        long sentAt = System.nanoTime();
        Call call;
        try {
            TestHttp.Reply reply = request.get();
            call = new Call(operation, sentAt, System.nanoTime(), reply, null);
        } catch (RuntimeException e) {
            call = new Call(operation, sentAt, System.nanoTime(), null, e);
        }
        calls.add(call);
        if (call.succeeded() && operation == Operation.REGISTER) {
            registered.add(fresh.idNumber());
        }
        if (call.succeeded() && operation == Operation.BIND) {
            bound.put(machineCode, playerIndex);
        }
        return call;
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    Set<String> acknowledgedRegistrations() {
        return Collections.unmodifiableSet(registered);
    }

    Map<String, Integer> acknowledgedBinds() {
        return Collections.unmodifiableMap(bound);
    }

    long successes(Operation operation) {
        return calls.stream().filter(c -> c.operation() == operation && c.succeeded()).count();
    }

    /** Stops the workers and waits for their calls in flight (each bounded by the HTTP client's timeout). */
    @Override
    public void close() {
        running.set(false);
        for (Thread worker : workers) {
            try {
                worker.join(Duration.ofSeconds(60).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
