import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.LongAdder;

/**
 * The ceiling for logins: bare Argon2id hashes with the services' parameters (19 MiB, 2 passes, parallelism 1) on
 * [threads] threads for [seconds] seconds, nothing else. bench/run.sh runs it with the jar that carries Bouncy Castle
 * on the class path and prints its rate beside the logins/s through the gateway.
 *   java -cp <service jar> bench/HashLoop.java [threads] [seconds]
 */
public class HashLoop {
    public static void main(String[] args) throws Exception {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        LongAdder hashes = new LongAdder();
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        for (int t = 0; t < threads; t++) {
            pool.submit(() -> {
                byte[] salt = new byte[16];
                byte[] out = new byte[32];
                while (System.nanoTime() < deadline) {
                    Argon2BytesGenerator generator = new Argon2BytesGenerator();
                    generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id).withVersion(19)
                            .withMemoryAsKB(19 * 1024).withIterations(2).withParallelism(1).withSalt(salt).build());
                    generator.generateBytes("Bench-Passw0rd".getBytes(StandardCharsets.UTF_8), out);
                    hashes.increment();
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 60L, java.util.concurrent.TimeUnit.SECONDS);
        System.out.printf("RESULT threads=%d seconds=%d hashes=%d rate=%.2f%n", threads, seconds, hashes.sum(),
                hashes.sum() / (double) seconds);
    }
}
