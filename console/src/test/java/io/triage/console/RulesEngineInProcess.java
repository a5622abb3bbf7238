package io.triage.console;

import java.util.ArrayList;
import java.util.List;

import io.triage.rules.RulesEngineApplication;
import io.triage.testsupport.BackingServices;
import io.triage.testsupport.TestDatabase;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The real rules-engine, started in this JVM on a fresh database of its own, for the console's tests to call. */
final class RulesEngineInProcess {

    private RulesEngineInProcess() {
    }

    /** Starts it on a free port; {@code settings} (command-line style, {@code --name=value}) come on top. */
    static ConfigurableApplicationContext start(String... settings) {
        TestDatabase database = BackingServices.get().createDatabase();
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=0", "--spring.application.name=rules-engine", "--triage.platform.schema=rules",
                "--spring.datasource.url=" + database.jdbcUrl(),
                "--spring.flyway.user=" + database.adminUser(),
                "--spring.flyway.password=" + database.adminPassword(),
                "--spring.flyway.locations=classpath:db/platform,classpath:db/migration/rules",
                "--spring.datasource.hikari.maximum-pool-size=3",
                "--spring.lifecycle.timeout-per-shutdown-phase=2s",
                "--logging.level.root=WARN"));
        arguments.addAll(List.of(settings));
        return new SpringApplicationBuilder(RulesEngineApplication.class).run(arguments.toArray(String[]::new));
    }

    /** The port a started application listens on. */
    static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
    }
}
