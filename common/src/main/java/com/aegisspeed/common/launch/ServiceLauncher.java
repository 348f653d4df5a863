package com.aegisspeed.common.launch;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import io.micronaut.runtime.Micronaut;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;

/**
 * Starts a service, or only migrates its schema. With {@code AEGIS_MIGRATE_ONLY=true} the process applies the
 * service's Flyway migrations with the configured datasource (a migration user's credentials) and exits, without
 * starting the service: a Kubernetes init container runs it before the service itself starts with
 * {@code AEGIS_MIGRATE_AT_START=false} and a runtime user that may only read and write rows (deploy/README.md).
 */
public final class ServiceLauncher {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceLauncher.class);
    static final String MIGRATE_ONLY = "AEGIS_MIGRATE_ONLY";

    private ServiceLauncher() {
    }

    public static void run(Class<?> application, String[] args) {
        if (migrateOnlyRequested(System.getenv())) {
            migrate(application, args);
        } else {
            // No ASCII-art banner: every line on stdout is a log event (one JSON object each under AEGIS_LOG_FORMAT=json).
            Micronaut.build(args).mainClass(application).banner(false).start();
        }
    }

    static boolean migrateOnlyRequested(Map<String, String> environment) {
        return "true".equalsIgnoreCase(environment.getOrDefault(MIGRATE_ONLY, ""));
    }

    /**
     * Reads the service's own configuration (application.yml, shared defaults, environment, arguments) without
     * starting any bean, so nothing but the migration touches the database.
     */
    static MigrateResult migrate(Class<?> application, String[] args) {
        ApplicationContext context = ApplicationContext.builder(application).args(args).build();
        Environment environment = context.getEnvironment().start();
        try {
            Flyway flyway = Flyway.configure(application.getClassLoader())
                    .dataSource(environment.getRequiredProperty("datasources.default.url", String.class),
                            environment.getProperty("datasources.default.username", String.class).orElse(null),
                            environment.getProperty("datasources.default.password", String.class).orElse(null))
                    .locations(environment.getProperty("flyway.datasources.default.locations", String[].class)
                            .orElse(new String[] {"classpath:db/migration"}))
                    .load();
            MigrateResult result = flyway.migrate();
            LOG.info("Schema migrated: {} migration(s) applied, now at version {}", result.migrationsExecuted,
                    result.targetSchemaVersion == null ? result.initialSchemaVersion : result.targetSchemaVersion);
            return result;
        } finally {
            environment.stop();
        }
    }
}
