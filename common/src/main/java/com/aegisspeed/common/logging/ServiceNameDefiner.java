package com.aegisspeed.common.logging;

import ch.qos.logback.core.PropertyDefinerBase;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * The service's name for logback.xml, read from its application.yml ({@code micronaut.application.name}) as
 * logging starts, so that even the lines logged before the application context exists name their service.
 */
public class ServiceNameDefiner extends PropertyDefinerBase {

    @Override
    public String getPropertyValue() {
        try (InputStream yml = ServiceNameDefiner.class.getClassLoader().getResourceAsStream("application.yml")) {
            if (yml == null) {
                return "";
            }
            Object name = path(new Yaml().load(yml), "micronaut", "application", "name");
            return name == null ? "" : name.toString();
        } catch (IOException | RuntimeException e) {
            addWarn("Cannot read the service name from application.yml", e);
            return "";
        }
    }

    private static Object path(Object node, String... keys) {
        for (String key : keys) {
            if (!(node instanceof Map<?, ?> map)) {
                return null;
            }
            node = map.get(key);
        }
        return node;
    }
}
