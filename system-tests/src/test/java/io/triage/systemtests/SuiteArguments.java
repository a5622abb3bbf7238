package io.triage.systemtests;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.triage.testsupport.TestDatabase;

/** What every service booted in a system test's JVM is started with: its port, name, schema and database. */
public final class SuiteArguments {

    private SuiteArguments() {
    }

    /** A port nobody listens on right now. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The arguments of one service on {@code port} with its own {@code database} and {@code schema}'s migrations,
     * a small pool, quick shutdown and warnings-only logging, followed by {@code more}.
     */
    public static String[] service(TestDatabase database, int port, String name, String schema, String... more) {
        List<String> arguments = new ArrayList<>(List.of("--server.port=" + port,
                "--spring.application.name=" + name,
                "--triage.platform.schema=" + schema,
                "--spring.datasource.url=" + database.jdbcUrl(),
                "--spring.flyway.user=" + database.adminUser(),
                "--spring.flyway.password=" + database.adminPassword(),
                "--spring.flyway.locations=classpath:db/platform,classpath:db/migration/" + schema,
                "--spring.datasource.hikari.maximum-pool-size=5",
                "--spring.modulith.events.republish-outstanding-events-on-restart=false",
                "--spring.lifecycle.timeout-per-shutdown-phase=2s",
                "--logging.level.root=WARN"));
        arguments.addAll(List.of(more));
        return arguments.toArray(String[]::new);
    }

    /**
     * audit-service's own settings in a system test: its archiver role, and its archive, checkpoint mirror and
     * signing key under {@code storage}; no scheduled monthly report.
     */
    public static List<String> auditStorage(Path storage) {
        return List.of("--spring.flyway.placeholders.archiver_role=audit_archiver",
                "--triage.audit.archiver.username=audit_archiver",
                "--triage.audit.archive.directory=" + storage.resolve("archive"),
                "--triage.audit.checkpoint-mirror.directory=" + storage.resolve("mirror"),
                "--triage.audit.archiver.signing.key-file=" + storage.resolve("keys/manifest.properties"),
                "--triage.audit.report.cron=-");
    }
}
