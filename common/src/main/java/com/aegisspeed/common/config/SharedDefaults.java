package com.aegisspeed.common.config;

import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.context.ApplicationContextConfigurer;
import io.micronaut.context.annotation.ContextConfigurer;
import io.micronaut.context.env.PropertySource;
import io.micronaut.context.env.yaml.YamlPropertySourceLoader;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Adds {@code aegis-defaults.yml} (settings every service shares: server limits, probes, metrics,
 * datasource and Flyway wiring) below each service's own {@code application.yml}, which overrides it.
 */
@ContextConfigurer
public class SharedDefaults implements ApplicationContextConfigurer {

    static final String RESOURCE = "aegis-defaults.yml";
    /** Below application.yml (-300) and its environment variants, so any service setting wins. */
    private static final int ORDER = -1000;

    @Override
    public void configure(ApplicationContextBuilder builder) {
        try (InputStream in = SharedDefaults.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            builder.propertySources(PropertySource.of(RESOURCE, new YamlPropertySourceLoader().read(RESOURCE, in), ORDER));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
