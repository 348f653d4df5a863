package com.aegisspeed.gateway.connections;

import com.aegisspeed.common.network.TrustedProxies;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.netty.channel.ChannelPipelineCustomizer;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.concurrent.ScheduledFuture;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Keeps slow or greedy clients from holding the gateway's connections. The idle timer restarts with every byte, so
 * a request head sent a byte at a time would hold a connection forever: here the whole head must arrive within
 * {@code aegis.gateway.request-head-timeout} of its first byte, or the connection is closed. And one address may
 * hold at most {@code aegis.gateway.max-connections-per-address} open connections; further ones are closed at once.
 * Trusted proxies (an ingress speaking for many clients) are not capped.
 */
@Singleton
public class SlowClientGuard implements NettyServerCustomizer, BeanCreatedEventListener<NettyServerCustomizer.Registry> {

    private static final Logger LOG = LoggerFactory.getLogger(SlowClientGuard.class);

    private final long headTimeoutNanos;
    private final int maxConnectionsPerAddress;
    private final TrustedProxies trustedProxies;
    private final Map<String, Integer> openConnections = new ConcurrentHashMap<>();

    public SlowClientGuard(@Value("${aegis.gateway.request-head-timeout:10s}") Duration headTimeout,
                           @Value("${aegis.gateway.max-connections-per-address:256}") int maxConnectionsPerAddress,
                           TrustedProxies trustedProxies) {
        this.headTimeoutNanos = headTimeout.toNanos();
        this.maxConnectionsPerAddress = maxConnectionsPerAddress;
        this.trustedProxies = trustedProxies;
    }

    @Override
    public NettyServerCustomizer.Registry onCreated(BeanCreatedEvent<NettyServerCustomizer.Registry> event) {
        event.getBean().register(this);
        return event.getBean();
    }

    @Override
    public NettyServerCustomizer specializeForChannel(Channel channel, ChannelRole role) {
        if (role != ChannelRole.CONNECTION) {
            return this;
        }
        String address = addressOf(channel.remoteAddress());
        if (address != null && !trustedProxies.trusts(address)) {
            int open = openConnections.merge(address, 1, Integer::sum);
            channel.closeFuture().addListener(closed ->
                    openConnections.computeIfPresent(address, (key, count) -> count > 1 ? count - 1 : null));
            if (open > maxConnectionsPerAddress) {
                LOG.debug("Closing a connection over the per-address limit of {}", maxConnectionsPerAddress);
                // Closed once active: a close while the server is still setting the channel up can go unheard.
                channel.pipeline().addFirst("aegis-over-connection-limit", new ChannelInboundHandlerAdapter() {
                    @Override
                    public void handlerAdded(ChannelHandlerContext ctx) {
                        if (ctx.channel().isActive()) {
                            ctx.close();
                        }
                    }

                    @Override
                    public void channelActive(ChannelHandlerContext ctx) {
                        ctx.close();
                    }
                });
            }
        }
        return new HeadDeadline(channel);
    }

    /** Open connections of one address, for tests and metrics. */
    public int openConnections(String address) {
        return openConnections.getOrDefault(address, 0);
    }

    private static String addressOf(SocketAddress remote) {
        return remote instanceof InetSocketAddress inet && inet.getAddress() != null
                ? inet.getAddress().getHostAddress() : null;
    }

    /**
     * One connection's deadline: armed by the first byte of a request, cleared when the decoder has the whole head,
     * so an idle keep-alive connection is left to the idle timeout.
     */
    private final class HeadDeadline implements NettyServerCustomizer {

        private final Channel channel;
        private ScheduledFuture<?> deadline;
        private boolean inRequest;

        HeadDeadline(Channel channel) {
            this.channel = channel;
        }

        @Override
        public void onStreamPipelineBuilt() {
            if (channel.pipeline().get(ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC) == null) {
                return; // HTTP/2 frames its own headers; the deadline guards HTTP/1 heads
            }
            channel.pipeline().addFirst("aegis-head-deadline-bytes", new ChannelInboundHandlerAdapter() {
                @Override
                public void channelRead(ChannelHandlerContext ctx, Object msg) {
                    if (msg instanceof ByteBuf && deadline == null && !inRequest) {
                        deadline = ctx.executor().schedule(() -> {
                            LOG.debug("Closing a connection whose request head did not arrive in time");
                            ctx.close();
                        }, headTimeoutNanos, TimeUnit.NANOSECONDS);
                    }
                    ctx.fireChannelRead(msg);
                }
            });
            channel.pipeline().addAfter(ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC, "aegis-head-deadline-request",
                    new ChannelDuplexHandler() {
                        @Override
                        public void channelRead(ChannelHandlerContext ctx, Object msg) {
                            if (msg instanceof HttpRequest) {
                                cancel();
                                inRequest = true;
                            }
                            if (msg instanceof LastHttpContent) {
                                inRequest = false;
                            }
                            ctx.fireChannelRead(msg);
                        }

                        @Override
                        public void channelInactive(ChannelHandlerContext ctx) {
                            cancel();
                            ctx.fireChannelInactive();
                        }
                    });
        }

        private void cancel() {
            if (deadline != null) {
                deadline.cancel(false);
                deadline = null;
            }
        }
    }
}
