package com.aegisspeed.common.token;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The Redis channel on which auth-service publishes each revocation as it stores it, and to which every
 * verifier subscribes, so other gateway replicas and the services apply it at once rather than at their next
 * poll. Only where {@code aegis.jwt.revocation-redis-url} ({@code AEGIS_REDIS_URL}) is set. Redis is a fast path,
 * never a dependency: a publish that fails or is slow is logged and dropped (the feed still carries it), and a
 * subscriber that is cut off keeps polling while Lettuce reconnects and subscribes again.
 */
@Singleton
public class RevocationChannel {

    private static final Logger LOG = LoggerFactory.getLogger(RevocationChannel.class);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(1);
    /** Bounds what a logout waits for Redis: past it the feed alone carries the revocation. */
    private static final Duration PUBLISH_TIMEOUT = Duration.ofMillis(250);
    /** While Redis cannot be reached at all, how often a publisher tries to connect again. */
    private static final Duration CONNECT_RETRY = Duration.ofSeconds(5);

    private final String channel;
    private final RedisURI uri;
    private final RedisClient client;
    private final Clock clock;
    private final AtomicBoolean subscribing = new AtomicBoolean();
    private final AtomicBoolean publishFailing = new AtomicBoolean();
    private final AtomicBoolean subscribeFailing = new AtomicBoolean();
    private volatile StatefulRedisConnection<String, String> publisher;
    private volatile StatefulRedisPubSubConnection<String, String> subscriber;
    private volatile Instant lastConnectAttempt = Instant.EPOCH;

    public RevocationChannel(@Value("${aegis.jwt.revocation-redis-url:}") String url,
                             @Value("${aegis.jwt.revocation-channel:aegis:revocations}") String channel, Clock clock) {
        this.channel = channel;
        this.clock = clock;
        if (url == null || url.isBlank()) {
            this.uri = null;
            this.client = null;
        } else {
            this.uri = RedisURI.create(url);
            uri.setTimeout(CONNECT_TIMEOUT);
            this.client = RedisClient.create();
            // A publish while disconnected fails at once instead of waiting in Lettuce's queue.
            client.setOptions(ClientOptions.builder()
                    .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS).build());
        }
    }

    public boolean enabled() {
        return client != null;
    }

    /** Publishes {@code revocation}, waiting at most {@link #PUBLISH_TIMEOUT}; never throws. */
    public void publish(Revocation revocation) {
        if (client == null) {
            return;
        }
        try {
            StatefulRedisConnection<String, String> connection = publisher();
            if (connection == null) {
                return;
            }
            connection.async().publish(channel, revocation.encode())
                    .get(PUBLISH_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (publishFailing.compareAndSet(true, false)) {
                LOG.info("Revocations are published on Redis again");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            publishFailed(e);
        }
    }

    private StatefulRedisConnection<String, String> publisher() {
        StatefulRedisConnection<String, String> connection = publisher;
        if (connection != null) {
            return connection;
        }
        synchronized (this) {
            Instant now = clock.instant();
            if (publisher == null && lastConnectAttempt.plus(CONNECT_RETRY).isBefore(now)) {
                lastConnectAttempt = now;
                try {
                    publisher = client.connect(StringCodec.UTF8, uri); // Lettuce reconnects it by itself from now on
                } catch (RuntimeException e) {
                    publishFailed(e);
                }
            }
            return publisher;
        }
    }

    private void publishFailed(Exception e) {
        if (publishFailing.compareAndSet(false, true)) {
            LOG.warn("Revocations cannot be published on Redis ({}); verifiers learn them from the feed", e.toString());
        }
    }

    /**
     * Subscribes {@code listener} to the channel, unless a subscription exists or is being made; call again to
     * retry after a failure (the subscription is made without blocking).
     */
    public void subscribe(Consumer<Revocation> listener) {
        if (client == null || subscriber != null || !subscribing.compareAndSet(false, true)) {
            return;
        }
        client.connectPubSubAsync(StringCodec.UTF8, uri).thenCompose(connection -> {
            connection.addListener(new RedisPubSubAdapter<>() {
                @Override
                public void message(String from, String message) {
                    Revocation.decode(message).ifPresent(listener);
                }
            });
            return connection.async().subscribe(channel).thenApply(ignored -> connection);
        }).whenComplete((connection, error) -> {
            if (error == null) {
                subscriber = connection; // Lettuce reconnects it and subscribes again by itself from now on
                if (subscribeFailing.compareAndSet(true, false)) {
                    LOG.info("Subscribed to revocations on Redis");
                }
            } else if (subscribeFailing.compareAndSet(false, true)) {
                LOG.warn("Cannot subscribe to revocations on Redis ({}); the feed alone carries them", error.toString());
            }
            subscribing.set(false);
        });
    }

    @PreDestroy
    void close() {
        if (client != null) {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
    }
}
