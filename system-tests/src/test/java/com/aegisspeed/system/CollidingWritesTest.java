package com.aegisspeed.system;

import com.aegisspeed.common.identity.Emails;
import com.aegisspeed.system.FaultChecks.Timed;
import com.aegisspeed.testsupport.FreshSchema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 200 registrations and 200 machine binds sent through the gateway in the same instant, their keys colliding
 * on purpose: the database's unique keys let exactly one writer win per contested key, and every request gets
 * its documented answer. Two hundred Argon2id hashes take far longer on two cores than any client waits, so
 * user-service refuses what it cannot start within a second (429 {@code 00001}, {@code Retry-After}); the
 * clients here repeat those as real clients do, until each has a final answer.
 */
class CollidingWritesTest {

    private static final int REQUESTS = 200;
    /** The patient timeouts below, plus slack: an answer later than this is a hang. */
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(40);
    private static final AtomicInteger PHONES = new AtomicInteger(ThreadLocalRandom.current().nextInt(50_000_000));

    private static Suite suite;
    private static Clients clients;

    /**
     * This class is about races, not latency: on a busy two-core machine 200 requests at once can take longer
     * than the production timeouts (gateway 5 s, service to service 3 s), and a request that timed out cannot
     * tell its client whether it won. So the calls here may take longer; what outlasts a timeout is
     * DatabaseFaultTest's and ServiceFaultTest's subject. The hashing pool's own bound stays as in production.
     */
    private static final Map<String, String> PATIENT_CALLS = Map.of(
            "MICRONAUT_HTTP_SERVICES_USER_READ_TIMEOUT", "20s",
            "MICRONAUT_HTTP_SERVICES_AUTH_READ_TIMEOUT", "20s");

    @BeforeAll
    static void startSuite() {
        Map<String, String> gateway = new HashMap<>(PATIENT_CALLS);
        gateway.put("AEGIS_UPSTREAM_READ_TIMEOUT", "30s");
        // Behind an ingress the gateway takes the client address from X-Real-IP: 200 players are 200 clients.
        gateway.put("AEGIS_CLIENT_ADDRESS_HEADER", "X-Real-IP");
        suite = Suite.start(Map.of("gateway", gateway, "auth-service", PATIENT_CALLS,
                "machine-service", PATIENT_CALLS));
        clients = new Clients(suite.gateway());
    }

    @AfterAll
    static void stopSuite() {
        suite.close();
    }

    /** A group of registrations contesting one key; the losers' documented 409 code. */
    private record Contest(String key, String loserCode, List<Clients.Person> entrants) {
    }

    @Test
    void ofRegistrationsSharingAnIdNumberPhoneOrEmailExactlyOneWinsAndEveryLoserGetsThatKeysCode() {
        List<Contest> all = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            all.add(contest("user_id", "10005", 4));
            all.add(contest("user_phone_number", "10006", 4));
            all.add(contest("user_email", "10007", 4));
        }
        for (int i = 0; i < 5; i++) {
            // A client sending the very same registration several times at once: the ID number is checked first.
            Clients.Person same = person();
            all.add(new Contest("identical", "10005", List.of(same, same, same, same)));
        }
        List<Callable<CollisionClient.Attempts>> calls = new ArrayList<>();
        List<Contest> ofCall = new ArrayList<>();
        int client = 0;
        for (Contest contest : all) {
            for (Clients.Person entrant : contest.entrants()) {
                CollisionClient player = new CollisionClient(suite.gateway().uri("/"), "198.51.100." + (client++ % 250));
                calls.add(() -> player.register(entrant));
                ofCall.add(contest);
            }
        }
        assertEquals(REQUESTS, calls.size());

        long start = System.nanoTime();
        List<CollisionClient.Attempts> results = FaultChecks.allAtOnce(calls);
        long tookMillis = (System.nanoTime() - start) / 1_000_000;

        Map<String, Integer> outcomes = new TreeMap<>();
        Map<Contest, List<Timed>> finals = new HashMap<>();
        for (int i = 0; i < results.size(); i++) {
            for (Timed answer : results.get(i).answers()) {
                FaultChecks.assertEnvelope(answer);
                assertTrue(answer.took().compareTo(ANSWER_WITHIN) < 0, "too slow: " + answer);
                outcomes.merge(answer.status() + " " + answer.code(), 1, Integer::sum);
            }
            finals.computeIfAbsent(ofCall.get(i), c -> new ArrayList<>()).add(results.get(i).last());
        }
        System.out.println("200 colliding registrations, all answered in " + tookMillis + " ms; every answer: " + outcomes);

        FreshSchema users = suite.schema("user-service");
        for (Contest contest : all) {
            List<Timed> answers = finals.get(contest);
            List<Timed> won = answers.stream().filter(a -> a.status() == 200).toList();
            assertEquals(1, won.size(), contest.key() + " contest: " + answers);
            assertEquals("10000", won.get(0).code(), won.get(0).toString());
            for (Timed lost : answers.stream().filter(a -> a.status() != 200).toList()) {
                assertEquals(409, lost.status(), lost.toString());
                assertEquals(contest.loserCode(), lost.code(), contest.key() + " contest: " + lost);
                assertEquals("", lost.reply().envelope().get("token"), lost.toString());
            }
            Clients.Person winner = contest.entrants().get(answers.indexOf(won.get(0)));
            assertEquals(List.of(winner.idNumber() + " " + winner.phone() + " " + Emails.normalize(winner.email())),
                    FaultChecks.query(users, "SELECT CONCAT(id_number, ' ', phone_number, ' ', email) FROM users "
                            + "WHERE id_number = ? OR phone_number = ? OR email = ?",
                            winner.idNumber(), winner.phone(), Emails.normalize(winner.email())),
                    contest.key() + " contest: exactly the winner's row");
        }
    }

    @Test
    void ofBindsOfFewMachineCodesBySeveralUsersExactlyOneUserOwnsEachCodeAndTheOthersGet10004() {
        int userCount = 8;
        int codeCount = 5;
        List<Clients.Person> people = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < userCount; i++) {
            FaultTraffic.Player player = FaultTraffic.registerPlayer(clients);
            people.add(player.person());
            tokens.add(player.token());
        }
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < codeCount; i++) {
            codes.add(Clients.machineCode());
        }
        List<Callable<Timed>> calls = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            int user = i % userCount;
            String code = codes.get((i / userCount) % codeCount);
            calls.add(() -> FaultChecks.timed("user " + user + " binds " + code,
                    () -> clients.bindMachine(tokens.get(user), people.get(user).idNumber(), code)));
        }

        List<Timed> results = FaultChecks.allAtOnce(calls);

        Map<String, Set<Integer>> winners = new HashMap<>();
        for (int i = 0; i < REQUESTS; i++) {
            Timed answer = results.get(i);
            FaultChecks.assertEnvelope(answer);
            assertTrue(answer.took().compareTo(ANSWER_WITHIN) < 0, "too slow: " + answer);
            String code = codes.get((i / userCount) % codeCount);
            if (answer.status() == 200) {
                assertEquals("10000", answer.code(), answer.toString());
                assertEquals(code, answer.reply().data().get("machine_code"), answer.toString());
                winners.computeIfAbsent(code, c -> new HashSet<>()).add(i % userCount);
            } else {
                assertEquals(409, answer.status(), answer.toString());
                assertEquals("10004", answer.code(), answer.toString());
            }
        }
        FreshSchema machines = suite.schema("machine-service");
        FreshSchema users = suite.schema("user-service");
        for (int c = 0; c < codeCount; c++) {
            String code = codes.get(c);
            Set<Integer> owners = winners.getOrDefault(code, Set.of());
            assertEquals(1, owners.size(), code + " was won by users " + owners);
            int owner = owners.iterator().next();
            // Every request of the owner succeeded (binding one's own machine again is idempotent), every other lost.
            for (int i = 0; i < REQUESTS; i++) {
                if (codes.get((i / userCount) % codeCount).equals(code)) {
                    assertEquals(i % userCount == owner ? 200 : 409, results.get(i).status(), results.get(i).toString());
                }
            }
            String ownerPublicId = FaultChecks.query(users, "SELECT public_id FROM users WHERE id_number = ?",
                    people.get(owner).idNumber()).get(0);
            assertEquals(List.of(ownerPublicId), FaultChecks.query(machines,
                    "SELECT owner_public_id FROM machines WHERE machine_code = ?", code), code);
        }
        assertEquals(List.of(String.valueOf(codeCount)), FaultChecks.query(machines, "SELECT COUNT(*) FROM machines"));
    }

    private static Contest contest(String key, String loserCode, int size) {
        Clients.Person first = person();
        List<Clients.Person> entrants = new ArrayList<>(List.of(first));
        for (int i = 1; i < size; i++) {
            Clients.Person other = person();
            entrants.add(switch (key) {
                case "user_id" -> new Clients.Person(first.idNumber(), other.name(), other.phone(), other.email(),
                        other.password());
                case "user_phone_number" -> new Clients.Person(other.idNumber(), other.name(), first.phone(),
                        other.email(), other.password());
                // E-mail addresses compare case-insensitively: one entrant writes it in capitals.
                default -> new Clients.Person(other.idNumber(), other.name(), other.phone(),
                        i == 1 ? first.email().toUpperCase(Locale.ROOT) : first.email(), other.password());
            });
        }
        return new Contest(key, loserCode, entrants);
    }

    /** A fresh person whose phone number no other person of this run has. */
    private static Clients.Person person() {
        Clients.Person fresh = Clients.Person.fresh();
        return new Clients.Person(fresh.idNumber(), fresh.name(), "135%08d".formatted(PHONES.incrementAndGet()),
                fresh.email(), fresh.password());
    }
}
