package com.aegisspeed.common.health;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.core.util.StringUtils;
import io.micronaut.http.server.HttpServerConfiguration;
import io.micronaut.http.server.netty.configuration.NettyHttpServerConfiguration;
import io.micronaut.http.server.netty.configuration.NettyHttpServerConfiguration.NettyListenerConfiguration;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * Binds the management port on its own address ({@code aegis.management.host}, loopback unless set): Micronaut
 * would open it on the public listener's address, every interface by default, and a local run would then publish
 * its metrics to the whole network. The public listener keeps {@code micronaut.server.host}/{@code port}; only the
 * management routes (bound to {@code aegis.management.port}) answer on the second one.
 */
@Singleton
public class ManagementListener implements BeanCreatedEventListener<NettyHttpServerConfiguration> {

    private final int managementPort;
    private final String managementHost;

    public ManagementListener(@Value("${aegis.management.port}") int managementPort,
                              @Value("${aegis.management.host}") String managementHost) {
        this.managementPort = managementPort;
        this.managementHost = managementHost;
    }

    @Override
    public NettyHttpServerConfiguration onCreated(BeanCreatedEvent<NettyHttpServerConfiguration> event) {
        NettyHttpServerConfiguration server = event.getBean();
        int publicPort = server.getPort().orElse(HttpServerConfiguration.DEFAULT_PORT);
        if (server.getListeners() != null || publicPort == managementPort) {
            return server;
        }
        NettyListenerConfiguration publicListener = NettyListenerConfiguration.createTcp(
                server.getHost().orElse(null), publicPort, false, null, null);
        NettyListenerConfiguration management = NettyListenerConfiguration.createTcp(
                StringUtils.isEmpty(managementHost) ? null : managementHost, managementPort, false, null, null);
        management.setExposeDefaultRoutes(false);
        // Public first: the server's port and URI are its first listener's.
        server.setListeners(List.of(publicListener, management));
        return server;
    }
}
