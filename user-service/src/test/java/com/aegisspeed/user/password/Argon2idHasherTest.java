package com.aegisspeed.user.password;

import com.aegisspeed.common.envelope.Overloaded;
import com.aegisspeed.user.password.Argon2idHasher.Requester;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The check for an account that does not exist: it accepts no password, and it waits for the hashing pool and
 * derives a hash there as the check of a wrong password does, though the hasher made no hash to check it against
 * (it starts without spending one).
 */
class Argon2idHasherTest {

    @Test
    void aPasswordMatchesItsOwnHashAndNoOther() {
        Argon2idHasher hasher = new Argon2idHasher(new PasswordHashingConfiguration(1, 4, 4, Duration.ofSeconds(30)));
        try {
            Requester requester = new Requester("127.0.0.1", "account");
            String stored = hasher.hash("Correct-Horse-1", requester);
            assertTrue(stored.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), stored);
            assertTrue(hasher.matches("Correct-Horse-1", stored, requester));
            assertFalse(hasher.matches("Correct-Horse-2", stored, requester));
        } finally {
            hasher.shutdown();
        }
    }

    @Test
    void noPasswordIsAcceptedForAnAccountThatDoesNotExist() {
        Argon2idHasher hasher = new Argon2idHasher(new PasswordHashingConfiguration(1, 4, 4, Duration.ofSeconds(30)));
        try {
            Requester requester = new Requester("127.0.0.1", "nobody");
            for (String password : new String[] {"", "password", "unknown-user-0", "Correct-Horse-1"}) {
                assertFalse(hasher.matchesNoUser(password, requester), password);
            }
        } finally {
            hasher.shutdown();
        }
    }

    @Test
    void theCheckForAnAccountThatDoesNotExistTakesAPlaceInTheHashingPoolLikeAnyOther() throws Exception {
        // A share of one hash per client: while a client's hash runs, its next one is refused as busy. So a check
        // for a missing account that really derives a hash in the pool is refused while the same client's hashes
        // keep running; one that answered without deriving a hash never would be.
        Argon2idHasher hasher = new Argon2idHasher(new PasswordHashingConfiguration(2, 8, 1, Duration.ofSeconds(30)));
        ExecutorService sameClient = Executors.newSingleThreadExecutor();
        AtomicBoolean stop = new AtomicBoolean();
        try {
            assertFalse(hasher.matchesNoUser("guess", new Requester("10.0.0.1", "nobody")), "answered when idle");
            sameClient.submit(() -> {
                while (!stop.get()) {
                    try {
                        hasher.hash("keeps-the-share-taken", new Requester("10.0.0.1", "other"));
                    } catch (Overloaded refused) {
                        // the check below held the share this time
                    }
                }
            });
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < deadline) {
                try {
                    hasher.matchesNoUser("guess", new Requester("10.0.0.1", "nobody"));
                } catch (Overloaded refused) {
                    return;
                }
            }
            fail("the check for a missing account never took a place in the hashing pool");
        } finally {
            stop.set(true);
            sameClient.shutdown();
            hasher.shutdown();
        }
    }
}
