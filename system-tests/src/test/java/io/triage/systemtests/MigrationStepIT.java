package io.triage.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.triage.ingestion.IngestionServiceApplication;
import io.triage.testsupport.ApiKeys;
import io.triage.testsupport.BackingServices;
import io.triage.testsupport.ServiceHttp;
import io.triage.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Migrations as a step of their own (the Helm chart's pre-install/pre-upgrade Job): ingestion-service started with
 * {@code triage.platform.migrate-and-exit=true} and the admin credentials applies every migration, its Spring-bean
 * Java migration included, and exits with 0 without serving; the service then runs with Flyway off and no admin
 * credentials, as its pods do.
 */
class MigrationStepIT {

    @Test
    void theMigrationStepMigratesAndExitsThenTheServiceRunsWithoutAdminCredentials() throws Exception {
        TestDatabase database = BackingServices.get().createDatabase();
        int port = freePort();
        Path output = Files.createTempFile("migration-step", ".log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), IngestionServiceApplication.class.getName(),
                "--triage.platform.migrate-and-exit=true",
                "--server.port=" + port,
                "--spring.datasource.url=" + database.jdbcUrl(),
                "--spring.flyway.user=" + database.adminUser(),
                "--spring.flyway.password=" + database.adminPassword()));
        command.addAll(sharedArguments());
        Process step = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        await().atMost(Duration.ofMinutes(3)).until(() -> !step.isAlive());

        String log = Files.readString(output, StandardCharsets.UTF_8);
        assertThat(step.exitValue()).as(log).isZero();
        assertThat(log).contains("Applied").contains("exiting").doesNotContain("Tomcat started");
        try (var admin = new SingleConnectionDataSource(database.jdbcUrl(), database.adminUser(),
                database.adminPassword(), true)) {
            JdbcClient jdbc = JdbcClient.create(admin);
            assertThat(jdbc.sql("SELECT count(*) FROM ingestion.flyway_schema_history WHERE NOT success")
                    .query(Long.class).single()).isZero();
            assertThat(jdbc.sql("SELECT type FROM ingestion.flyway_schema_history WHERE description = ?")
                    .param("hash erasure customer ids").query(String.class).list())
                    .as("the Java migration that needs the service's configuration ran").containsExactly("JDBC");
        }

        List<String> runtime = new ArrayList<>(List.of(
                "--server.port=" + port,
                "--spring.datasource.url=" + database.jdbcUrl(),
                "--spring.flyway.enabled=false",
                // No admin credentials: a Flyway that ran anyway would fail to connect as this user.
                "--spring.flyway.user=nobody-" + port,
                "--spring.modulith.events.republish-outstanding-events-on-restart=false"));
        runtime.addAll(sharedArguments());
        try (ConfigurableApplicationContext service = new SpringApplicationBuilder(IngestionServiceApplication.class)
                .run(runtime.toArray(String[]::new))) {
            HttpResponse<String> stored = ServiceHttp.onPort(port).post("/tickets", ApiKeys.OPS, """
                    {"source":"JIRA","externalId":"MIG-1","customerId":"CUST-MIG","subject":"Login fails",
                     "description":"The portal rejects my password","sourceUpdatedAt":"2026-11-01T10:00:00Z"}""");
            assertThat(stored.statusCode()).as(stored.body()).isEqualTo(200);
        }
    }

    private static List<String> sharedArguments() {
        return List.of("--spring.application.name=ingestion-service", "--triage.platform.schema=ingestion",
                "--spring.flyway.locations=classpath:db/platform,classpath:db/migration/ingestion");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
