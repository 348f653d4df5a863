package com.aegisspeed.user.password;

import com.aegisspeed.common.envelope.Overloaded;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Argon2id password hashes (docs/contract.md: 19 MiB, 2 passes, parallelism 1), stored in the PHC string
 * format {@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash} so stronger parameters can be adopted later
 * without invalidating existing hashes. Hashing runs on a small bounded pool of its own: the callers
 * (blocking controllers on the IO pool) wait for it, the event loop never does.
 *
 * <p>A hash that cannot start within {@code max-wait} (or find a place in the queue) is not made at all: the
 * request is refused as {@link Overloaded} (429 {@code 00001}, {@code Retry-After}) while its caller still
 * listens. Left waiting, it would finish after auth-service (3 s) and the gateway (5 s) had answered the client
 * an error, and a registration answered "failed" would still create the user.
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

    private final SecureRandom random = new SecureRandom();
    private final ThreadPoolExecutor executor;
    private final Duration maxWait;
    /** Checked when the user does not exist, so that answer takes as long as a wrong password. */
    private final String unknownUserHash;

    public Argon2idHasher(PasswordHashingConfiguration configuration) {
        AtomicInteger threadNumber = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(configuration.threads(), configuration.threads(), 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(configuration.queue()), runnable -> {
                    Thread thread = new Thread(runnable, "argon2-" + threadNumber.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        this.maxWait = configuration.maxWait();
        this.unknownUserHash = hash("unknown-user-" + random.nextLong());
    }

    /** A new salted hash of the password. */
    public String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = await(() -> derive(password, salt, MEMORY_KIB, PASSES, PARALLELISM, HASH_BYTES));
        return "$argon2id$v=19$m=%d,t=%d,p=%d$%s$%s".formatted(MEMORY_KIB, PASSES, PARALLELISM,
                B64.encodeToString(salt), B64.encodeToString(hash));
    }

    /** Whether the password matches the stored hash (constant-time comparison). */
    public boolean matches(String password, String storedHash) {
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
        byte[] actual = await(() -> derive(password, salt, m, t, p, expected.length));
        return MessageDigest.isEqual(expected, actual);
    }

    /** Spends the same time as {@link #matches} on a real user, then answers false. */
    public boolean matchesNoUser(String password) {
        matches(password, unknownUserHash);
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

    /**
     * Runs the work on the pool. Whoever comes first claims it: the pool thread starting it, or the caller giving
     * up after {@code maxWait} without a start; a given-up task leaves the queue and is never run.
     */
    private byte[] await(Callable<byte[]> work) {
        AtomicBoolean claimed = new AtomicBoolean();
        Future<byte[]> result;
        try {
            result = executor.submit(() -> {
                if (!claimed.compareAndSet(false, true)) {
                    throw new Overloaded(maxWait);
                }
                return work.call();
            });
        } catch (RejectedExecutionException queueFull) {
            throw new Overloaded(maxWait);
        }
        try {
            try {
                return result.get(maxWait.toNanos(), TimeUnit.NANOSECONDS);
            } catch (TimeoutException notDoneYet) {
                if (claimed.compareAndSet(false, true)) {
                    executor.remove((Runnable) result);
                    throw new Overloaded(maxWait);
                }
                return result.get();
            }
        } catch (InterruptedException e) {
            result.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while hashing", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("hashing failed", e.getCause());
        }
    }

    @PreDestroy
    public void shutdown() {
        executor.shutdownNow();
    }
}
