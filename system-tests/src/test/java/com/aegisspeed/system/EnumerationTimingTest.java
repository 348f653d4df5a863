package com.aegisspeed.system;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntFunction;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Registration, the two logins and the two availability checks must not answer measurably faster or slower for
 * an existing user than for a non-existing one, or their timing alone would tell an attacker which ID numbers,
 * phone numbers, e-mail addresses and AegisSpeed IDs are registered (the codes already differ where the
 * reference documents it; timing must add nothing).
 *
 * <p>Robust on a busy machine: the two populations are measured in pairs, one of each in random order, each
 * request from a client address of its own and each login sample on an account of its own (so neither the
 * address nor the account lockout of docs/contract.md is ever reached); the verdict is on the median of the
 * per-pair ratios, so load that comes and goes during the run affects both halves of a pair alike. Tolerance:
 * the answer times may differ by at most {@value #TOLERANCE_PERCENT}% (or {@value #FLOOR_MILLIS} ms on the
 * fast checks, where a millisecond of jitter is already a large share). An Argon2id hash (19 MiB, 2 passes)
 * is most of a registration's and a login's time, so a path that skips it answers several times faster and
 * fails by far; a few database statements more or less, which carry no secret, stay well within. If a first
 * round is inconclusive a second is taken and both are judged together.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EnumerationTimingTest {

    private static final int PAIRS = 25;
    private static final int WARM_UP = 3;
    private static final int TOLERANCE_PERCENT = 35;
    private static final long FLOOR_MILLIS = 4;

    private static HostileSuite suite;
    private static HostileFixture fixture;
    private static HostileHttp gateway;
    private static final Random RANDOM = new Random(Long.getLong("timing.seed", System.currentTimeMillis()));
    /** Accounts registered by a measurement and never logged in to: each login sample takes one of its own. */
    private static final List<Clients.Person> UNUSED_ACCOUNTS = new ArrayList<>();

    @BeforeAll
    static void start() {
        suite = HostileSuite.start(Map.of());
        fixture = new HostileFixture(suite);
        gateway = new HostileHttp(suite.gateway().uri("/"));
    }

    @AfterAll
    static void stop() {
        if (suite != null) {
            suite.close();
        }
    }

    @Test
    @Order(1)
    void registrationRefusedForATakenIdNumberPhoneOrEmailTakesAsLongAsASuccessfulOne() {
        List<Clients.Person> existing = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            existing.add(fixture.register().person());
        }
        compare("register_user_info", "taken ID number, phone or e-mail (409)", i -> {
            Clients.Person taken = existing.get(i % existing.size());
            Clients.Person fresh = Clients.Person.fresh();
            Clients.Person clash = switch (i % 3) {
                case 0 -> new Clients.Person(taken.idNumber(), fresh.name(), fresh.phone(), fresh.email(), fresh.password());
                case 1 -> new Clients.Person(fresh.idNumber(), fresh.name(), taken.phone(), fresh.email(), fresh.password());
                default -> new Clients.Person(fresh.idNumber(), fresh.name(), fresh.phone(), taken.email(), fresh.password());
            };
            return register(clash, 409);
        }, "new user (200)", i -> {
            Clients.Person person = Clients.Person.fresh();
            long took = register(person, 200);
            UNUSED_ACCOUNTS.add(person);
            return took;
        });
    }

    @Test
    @Order(2)
    void loginWithAWrongPasswordTakesAsLongForAnExistingAccountAsForNone() {
        List<HostileFixture.Player> accounts = accounts(WARM_UP + 2 * PAIRS);
        compare("login_user_info", "existing account, wrong password (401 10001)", i -> timed(
                "/user/login/login_user_info", "{\"user_id\":\"" + accounts.get(i).person().idNumber()
                        + "\",\"user_password\":\"Wrong-Password-1\"}", 401, "10001"),
                "no such account (401 10002)", i -> timed("/user/login/login_user_info",
                        "{\"user_id\":\"" + Clients.Person.fresh().idNumber() + "\",\"user_password\":\"Wrong-Password-1\"}",
                        401, "10002"));
        compare("login_admin_info_by_aegisspeed_id", "existing account, wrong password (401 10001)", i -> timed(
                "/user/login/login_admin_info_by_aegisspeed_id", "{\"user_AegisSpeed_id\":\""
                        + accounts.get(i).holder().aegisSpeedId() + "\",\"user_password\":\"Wrong-Password-1\"}", 401, "10001"),
                "no such account (401 10002)", i -> timed("/user/login/login_admin_info_by_aegisspeed_id",
                        "{\"user_AegisSpeed_id\":\"ASD9%05d\",\"user_password\":\"Wrong-Password-1\"}".formatted(i), 401, "10002"));
    }

    @Test
    @Order(3)
    void availabilityChecksTakeAsLongForAnExistingUserAsForNone() {
        HostileFixture.Equipped owner = fixture.equipped();
        List<HostileFixture.Player> others = accounts(3);
        compare("verify_is_user_id_available", "registered (10003)", i -> timed("/verify/verify_is_user_id_available",
                        "{\"user_id\":\"" + others.get(i % others.size()).person().idNumber() + "\"}", 200, "10003"),
                "not registered (10000)", i -> timed("/verify/verify_is_user_id_available",
                        "{\"user_id\":\"" + Clients.Person.fresh().idNumber() + "\"}", 200, "10000"));
        // A bound machine code with someone else's ID number: the owner is looked up either way (10003 both).
        compare("verify_is_machine_code_available", "bound, asked with another user's ID number (10003)",
                i -> timed("/verify/verify_is_machine_code_available", "{\"user_id\":\""
                        + others.get(i % others.size()).person().idNumber() + "\",\"machine_code\":\"" + owner.machineCode() + "\"}",
                        200, "10003"),
                "bound, asked with an unregistered ID number (10003)", i -> timed("/verify/verify_is_machine_code_available",
                        "{\"user_id\":\"" + Clients.Person.fresh().idNumber() + "\",\"machine_code\":\"" + owner.machineCode() + "\"}",
                        200, "10003"));
    }

    // ---- measuring ---------------------------------------------------------------------------------

    /**
     * Measures {@link #PAIRS} pairs (two rounds if the first is not within tolerance) and asserts the median
     * of the per-pair time ratios is within {@link #TOLERANCE_PERCENT}% of 1 (or the median difference within
     * {@link #FLOOR_MILLIS} ms). Each call of a population gets the next index, warm-up included.
     */
    private static void compare(String endpoint, String existingName, IntFunction<Long> existing,
                                String absentName, IntFunction<Long> absent) {
        for (int i = 0; i < WARM_UP; i++) { // the first calls of a path pay class loading and compilation
            existing.apply(i);
            absent.apply(i);
        }
        List<long[]> pairs = new ArrayList<>();
        for (int round = 1; round <= 2; round++) {
            for (int i = 0; i < PAIRS; i++) {
                int index = WARM_UP + pairs.size();
                long a;
                long b;
                if (RANDOM.nextBoolean()) {
                    a = existing.apply(index);
                    b = absent.apply(index);
                } else {
                    b = absent.apply(index);
                    a = existing.apply(index);
                }
                pairs.add(new long[] {a, b});
            }
            Verdict verdict = Verdict.of(pairs);
            System.out.printf("EnumerationTimingTest %s, round %d (%d pairs): %s median %.1f ms (trimmed mean %.1f),"
                            + " %s median %.1f ms (trimmed mean %.1f); median pair ratio %.3f, median pair difference %.1f ms%n",
                    endpoint, round, pairs.size(), existingName, verdict.medianA(), verdict.trimmedA(), absentName,
                    verdict.medianB(), verdict.trimmedB(), verdict.ratio(), verdict.difference());
            if (verdict.withinTolerance()) {
                return;
            }
        }
        Verdict verdict = Verdict.of(pairs);
        fail("%s: %s takes %.1f ms, %s %.1f ms (median pair ratio %.3f): the difference tells them apart"
                .formatted(endpoint, existingName, verdict.medianA(), absentName, verdict.medianB(), verdict.ratio()));
    }

    /** Medians and trimmed means (in ms) of both populations, and the median per-pair ratio and difference. */
    private record Verdict(double medianA, double trimmedA, double medianB, double trimmedB, double ratio, double difference) {

        static Verdict of(List<long[]> pairs) {
            double[] a = pairs.stream().mapToDouble(p -> p[0] / 1e6).toArray();
            double[] b = pairs.stream().mapToDouble(p -> p[1] / 1e6).toArray();
            double[] ratios = pairs.stream().mapToDouble(p -> (double) p[0] / p[1]).toArray();
            double[] differences = pairs.stream().mapToDouble(p -> (p[0] - p[1]) / 1e6).toArray();
            return new Verdict(median(a), trimmedMean(a), median(b), trimmedMean(b), median(ratios), median(differences));
        }

        boolean withinTolerance() {
            return Math.abs(ratio - 1) * 100 <= TOLERANCE_PERCENT || Math.abs(difference) <= FLOOR_MILLIS;
        }

        private static double median(double[] values) {
            double[] sorted = values.clone();
            Arrays.sort(sorted);
            int n = sorted.length;
            return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        }

        /** The mean of the middle 80%. */
        private static double trimmedMean(double[] values) {
            double[] sorted = values.clone();
            Arrays.sort(sorted);
            int cut = sorted.length / 10;
            return Arrays.stream(sorted, cut, sorted.length - cut).average().orElse(Double.NaN);
        }
    }

    /** Registers {@code person} through the gateway and answers the time it took, checking the status. */
    private static long register(Clients.Person p, int status) {
        return timed("/user/register/register_user_info", """
                {"user_id":"%s","user_name":"%s","user_phone_number":"%s","user_email":"%s","user_password":"%s"}"""
                .formatted(p.idNumber(), p.name(), p.phone(), p.email(), p.password()), status, null);
    }

    /**
     * POSTs {@code json} from a client address of its own and answers the nanoseconds until the whole answer was
     * read. An answer other than the expected one fails the test: timing a refusal for another reason (a lockout,
     * an overloaded hashing pool) would compare the wrong things. 429s are retried after their wait, a few times.
     */
    private static long timed(String path, String json, int status, String code) {
        for (int attempt = 1; ; attempt++) {
            HostileHttp.Request request = HostileHttp.Request.of("POST", path)
                    .header(HostileSuite.CLIENT_ADDRESS_HEADER, HostileFixture.newAddress())
                    .header("Content-Type", "application/json")
                    .body(json.getBytes(StandardCharsets.UTF_8), false);
            long started = System.nanoTime();
            HostileHttp.Reply reply = gateway.send(request);
            long took = System.nanoTime() - started;
            if (reply.status() == 429 && attempt < 4) {
                pause(reply.retryAfter().map(Long::parseLong).orElse(1L));
                continue;
            }
            assertTrue(reply.status() == status && (code == null || code.equals(reply.code())),
                    path + " " + json + ": expected " + status + " " + code + ", got " + reply.body());
            return took;
        }
    }

    /** {@code count} accounts nobody has tried to log in to: the registration test's, then new ones. */
    private static List<HostileFixture.Player> accounts(int count) {
        List<HostileFixture.Player> accounts = new ArrayList<>();
        while (accounts.size() < count && !UNUSED_ACCOUNTS.isEmpty()) {
            Clients.Person person = UNUSED_ACCOUNTS.remove(UNUSED_ACCOUNTS.size() - 1);
            accounts.add(new HostileFixture.Player(person, fixture.holderOf(person.idNumber()), null));
        }
        while (accounts.size() < count) {
            accounts.add(fixture.register());
        }
        return accounts;
    }

    private static void pause(long seconds) {
        try {
            Thread.sleep(seconds * 1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
