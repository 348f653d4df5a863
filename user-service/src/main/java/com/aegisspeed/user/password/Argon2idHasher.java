package com.aegisspeed.user.password;

import com.aegisspeed.common.envelope.Overloaded;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Argon2id password hashes (docs/contract.md: 19 MiB, 2 passes, parallelism 1), stored in the PHC string
 * format {@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash} so stronger parameters can be adopted later
 * without invalidating existing hashes. Hashing runs on a small bounded pool of its own ({@link FairHashingPool}):
 * the callers (blocking controllers on the IO pool) wait for it, the event loop never does, and one client cannot
 * take the pool from the others: waiting hashes are started round-robin across clients, and each client and each
 * account has a bounded share.
 *
 * <p>A hash that cannot start within {@code max-wait} (or find a place) is not made at all: the request is refused
 * as {@link Overloaded} (429 {@code 00001}, {@code Retry-After}) while its caller still listens. Left waiting, it
 * would finish after auth-service (3 s) and the gateway (5 s) had answered the client an error, and a registration
 * answered "failed" would still create the user.
 */
@Singleton
public class Argon2idHasher {

    private static final int MEMORY_KIB = 19 * 1024;
    private static final int PASSES = 2;
    private static final int PARALLELISM = 1;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64_DECODER = Base64.getDecoder();

    /** Who a hash is made for: the client address it came from, and the account it concerns (empty: none yet). */
    public record Requester(String client, String account) {
    }

    private final SecureRandom random = new SecureRandom();
    private final FairHashingPool pool;
    /**
     * Checked when the user does not exist, so that answer takes as long as a wrong password. Random bytes in the
     * stored format with the real parameters: checking it costs a full derivation, making it none, so the service
     * does not spend a hash (and its 19 MiB) while starting.
     */
    private final String unknownUserHash;

    public Argon2idHasher(PasswordHashingConfiguration configuration) {
        this.pool = new FairHashingPool(configuration.threads(), configuration.queue(), configuration.perClient(),
                configuration.maxWait());
        this.unknownUserHash = stored(randomBytes(SALT_BYTES), randomBytes(HASH_BYTES));
    }

    /** A new salted hash of the password. */
    public String hash(String password, Requester requester) {
        byte[] salt = randomBytes(SALT_BYTES);
        return stored(salt, pool.run(requester, () -> derive(password, salt, MEMORY_KIB, PASSES, PARALLELISM, HASH_BYTES)));
    }

    private static String stored(byte[] salt, byte[] hash) {
        return "$argon2id$v=19$m=%d,t=%d,p=%d$%s$%s".formatted(MEMORY_KIB, PASSES, PARALLELISM,
                B64.encodeToString(salt), B64.encodeToString(hash));
    }

    private byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return bytes;
    }

    /** Whether the password matches the stored hash (constant-time comparison). */
    public boolean matches(String password, String storedHash, Requester requester) {
        String[] parts = storedHash.split("\\$");
        if (parts.length != 6 || !"argon2id".equals(parts[1]) || !"v=19".equals(parts[2])) {
            throw new IllegalStateException("not an Argon2id v19 hash");
        }
        int memory = 0;
        int passes = 0;
        int parallelism = 0;
        for (String parameter : parts[3].split(",")) {
            int value = Integer.parseInt(parameter.substring(2));
            switch (parameter.charAt(0)) {
                case 'm' -> memory = value;
                case 't' -> passes = value;
                case 'p' -> parallelism = value;
                default -> throw new IllegalStateException("unknown Argon2 parameter");
            }
        }
        byte[] salt = B64_DECODER.decode(parts[4]);
        byte[] expected = B64_DECODER.decode(parts[5]);
        int m = memory;
        int t = passes;
        int p = parallelism;
        byte[] actual = pool.run(requester, () -> derive(password, salt, m, t, p, expected.length));
        return MessageDigest.isEqual(expected, actual);
    }

    /** Spends the same time as {@link #matches} on a real user, then answers false. */
    public boolean matchesNoUser(String password, Requester requester) {
        matches(password, unknownUserHash, requester);
        return false;
    }

    private static byte[] derive(String password, byte[] salt, int memoryKib, int passes, int parallelism, int length) {
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memoryKib)
                .withIterations(passes)
                .withParallelism(parallelism)
                .withSalt(salt)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] out = new byte[length];
        generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
        return out;
    }

    @PreDestroy
    public void shutdown() {
        pool.shutdown();
    }
}
