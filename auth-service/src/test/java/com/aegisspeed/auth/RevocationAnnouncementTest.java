package com.aegisspeed.auth;

import com.aegisspeed.common.token.Revocation;
import com.aegisspeed.common.token.TokenLifetime;
import com.aegisspeed.testsupport.PrivateRedis;
import com.aegisspeed.testsupport.TestHttp;
import com.nimbusds.jwt.JWTClaimsSet;
import io.lettuce.core.RedisClient;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * auth-service says what it revoked: a logout's answer names the token in {@link Revocation#HEADER} (for the
 * gateway that forwarded it), {@code revoke-tokens} answers the user's revocation (for the service that asked),
 * and each is published on the Redis channel (here on a Redis of the test's own).
 */
@ExtendWith(RealUserService.class)
class RevocationAnnouncementTest {

    private static final String CHANNEL = "aegis:test:revocations:" + UUID.randomUUID();

    private static PrivateRedis redisServer;
    private static AuthHarness harness;
    private static RedisClient redis;
    private static StatefulRedisPubSubConnection<String, String> subscription;
    private static final BlockingQueue<String> published = new LinkedBlockingQueue<>();

    @BeforeAll
    static void start(RealUserService.Running users) throws Exception {
        redisServer = PrivateRedis.start();
        redis = RedisClient.create(redisServer.url());
        subscription = redis.connectPubSub(StringCodec.UTF8);
        subscription.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String channel, String message) {
                published.add(message);
            }
        });
        subscription.sync().subscribe(CHANNEL);
        harness = AuthHarness.start(users, Map.of(
                "aegis.jwt.revocation-redis-url", redisServer.url(), "aegis.jwt.revocation-channel", CHANNEL));
    }

    @AfterAll
    static void stop() {
        if (harness != null) {
            harness.close();
        }
        subscription.close();
        redis.shutdown();
        redisServer.close();
    }

    @Test
    void aLogoutAnswerNamesTheRevokedTokenAndPublishesIt() throws Exception {
        String token = (String) harness.registeredUser().get("token");
        JWTClaimsSet claims = AuthHarness.claimsOf(token);
        String expected = Revocation.ofToken(claims.getJWTID(), claims.getExpirationTime().toInstant().getEpochSecond())
                .encode();
        published.clear();

        HttpResponse<String> logout = post("/user/login/logout", token);
        assertEquals(200, logout.statusCode(), logout.body());
        assertEquals(expected, logout.headers().firstValue(Revocation.HEADER).orElse(null));
        assertEquals(expected, awaitPublished());
    }

    @Test
    void revokeTokensAnswersTheRevocationAndPublishesIt() throws Exception {
        String token = (String) harness.registeredUser().get("token");
        String subject = AuthHarness.claimsOf(token).getSubject();
        published.clear();

        TestHttp.Reply reply = harness.internal("POST", "/internal/users/" + subject + "/revoke-tokens", "{}");
        assertEquals(200, reply.status(), reply.body());
        long revokedBefore = ((Number) reply.data().get("revoked_before")).longValue();
        assertEquals(subject, reply.data().get("subject"));
        assertEquals(harness.clock.instant().getEpochSecond(), revokedBefore);
        assertEquals(revokedBefore + TokenLifetime.LIFETIME.toSeconds(), ((Number) reply.data().get("expires_at")).longValue());
        assertEquals(Revocation.ofUser(subject, revokedBefore, revokedBefore + TokenLifetime.LIFETIME.toSeconds()).encode(),
                awaitPublished());
    }

    /** Redis delivers to this test's own connection on its own schedule: a short bounded wait. */
    private static String awaitPublished() throws InterruptedException {
        String message = published.poll(2, TimeUnit.SECONDS);
        if (message == null) {
            throw new AssertionError("nothing was published on " + CHANNEL);
        }
        return message;
    }

    private static HttpResponse<String> post(String path, String token) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(harness.http().uri(path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
