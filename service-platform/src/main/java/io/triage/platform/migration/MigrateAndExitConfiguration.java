package io.triage.platform.migration;

import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Migrations as a separate step: started with {@code triage.platform.migrate-and-exit=true}
 * ({@code TRIAGE_PLATFORM_MIGRATE_AND_EXIT}), a service applies its Flyway migrations, with the database admin
 * credentials given to that step only, and exits with status 0 as soon as they are applied, before its web server,
 * schedulers or runners start; a failed migration ends it with a non-zero status. The Helm chart runs this as a
 * pre-install/pre-upgrade Job, and its service pods run with {@code spring.flyway.enabled=false} and no admin
 * credentials. Locally ({@code ./triage up}, tests) each service still migrates at startup.
 *
 * <p>Java migrations that are Spring beans (they need configuration, such as a hash key) run as usual: the context is
 * built up to Flyway's initialiser, which runs the migration through this strategy.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(MigrateAndExitConfiguration.PROPERTY)
public class MigrateAndExitConfiguration {

    public static final String PROPERTY = "triage.platform.migrate-and-exit";

    private static final Logger log = LoggerFactory.getLogger(MigrateAndExitConfiguration.class);

    @Bean
    FlywayMigrationStrategy migrateAndExit() {
        return flyway -> {
            MigrateResult result = flyway.migrate();
            log.info("Applied {} migrations to schema {}; it is at version {}; exiting",
                    result.migrationsExecuted, result.schemaName, result.targetSchemaVersion);
            // Exit before the rest of the context is refreshed: nothing of the service is to run in this step.
            System.exit(0);
        };
    }
}
