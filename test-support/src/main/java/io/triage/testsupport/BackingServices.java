package io.triage.testsupport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.boot.SpringApplication;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.jspecify.annotations.Nullable;

/**
 * The real Postgres and Redis that tests run against. Chosen once per JVM: containers when Docker is available,
 * otherwise the local servers (127.0.0.1:5432 with trust authentication, 127.0.0.1:6379). Hands out a fresh
 * database per caller and drops them all when the JVM exits; databases left behind by a killed JVM are swept on the
 * next start (their name carries the owning process id).
 */
public final class BackingServices {

    private static final String PREFIX = "tst_";
    private static final long PID = ProcessHandle.current().pid();
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static volatile @Nullable BackingServices instance;

    private final String adminUrlBase;
    private final String adminUser;
    private final String adminPassword;
    private final String redisHost;
    private final int redisPort;
    private final boolean trustAuthentication;
    private final List<String> created = new ArrayList<>();

    private BackingServices(String adminUrlBase, String adminUser, String adminPassword, String redisHost,
            int redisPort, boolean trustAuthentication) {
        this.trustAuthentication = trustAuthentication;
        this.adminUrlBase = adminUrlBase;
        this.adminUser = adminUser;
        this.adminPassword = adminPassword;
        this.redisHost = redisHost;
        this.redisPort = redisPort;
    }

    /** The shared instance, started on first use. */
    public static BackingServices get() {
        BackingServices current = instance;
        if (current == null) {
            synchronized (BackingServices.class) {
                current = instance;
                if (current == null) {
                    current = start();
                    instance = current;
                }
            }
        }
        return current;
    }

    private static BackingServices start() {
        BackingServices services = dockerAvailable() ? fromContainers() : fromLocalServers();
        services.sweepStaleDatabases();
        // A Spring shutdown handler, not a JVM hook: handlers run after Spring has closed every context. A JVM hook
        // runs beside Spring's and dropped databases under contexts still closing, whose connection pools then
        // waited their full connection timeout for a database that was gone (Surefire killed the fork after 30 s).
        SpringApplication.getShutdownHandlers().add(services::dropCreatedDatabases);
        return services;
    }

    private static boolean dockerAvailable() {
        if (Boolean.getBoolean("triage.tests.local-servers")) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    @SuppressWarnings("resource") // the containers live as long as the JVM; Ryuk removes them afterwards
    private static BackingServices fromContainers() {
        var postgres = new PostgreSQLContainer("postgres:15-alpine");
        postgres.start();
        var redis = new GenericContainer<>("redis:7-alpine").withExposedPorts(6379);
        redis.start();
        String base = "jdbc:postgresql://" + postgres.getHost() + ":" + postgres.getMappedPort(5432) + "/";
        return new BackingServices(base, postgres.getUsername(), postgres.getPassword(), redis.getHost(),
                redis.getMappedPort(6379), false);
    }

    private static BackingServices fromLocalServers() {
        String host = System.getProperty("triage.tests.postgres.host", "127.0.0.1");
        int port = Integer.getInteger("triage.tests.postgres.port", 5432);
        String redisHost = System.getProperty("triage.tests.redis.host", "127.0.0.1");
        int redisPort = Integer.getInteger("triage.tests.redis.port", 6379);
        requireReachable("Postgres", host, port);
        requireReachable("Redis", redisHost, redisPort);
        return new BackingServices("jdbc:postgresql://" + host + ":" + port + "/",
                System.getProperty("triage.tests.postgres.user", "postgres"),
                System.getProperty("triage.tests.postgres.password", ""), redisHost, redisPort, true);
    }

    private static void requireReachable(String what, String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 2_000);
        } catch (IOException e) {
            throw new IllegalStateException(what + " is not reachable at " + host + ":" + port
                    + " and no Docker engine is available; start it (see .ci/run) before running tests", e);
        }
    }

    /**
     * Whether any role may log in without a password (the local servers). Then services connect as their own
     * least-privileged role; in a container they connect as the administrator, who has a password.
     */
    public boolean trustAuthentication() {
        return trustAuthentication;
    }

    /** A new, empty database owned by the administrator. */
    public TestDatabase createDatabase() {
        String name = PREFIX + PID + "_" + SEQUENCE.incrementAndGet() + "_"
                + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        execute("CREATE DATABASE " + name);
        synchronized (created) {
            created.add(name);
        }
        return new TestDatabase(name, adminUrlBase + name, adminUser, adminPassword);
    }

    /** Redis coordinates with a key prefix no other caller of this JVM receives. */
    public RedisEndpoint redis() {
        return new RedisEndpoint(redisHost, redisPort, PREFIX + PID + "_" + SEQUENCE.incrementAndGet() + ":");
    }

    private void dropCreatedDatabases() {
        List<String> names;
        synchronized (created) {
            names = List.copyOf(created);
        }
        for (String name : names) {
            executeQuietly("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }

    /** Drops test databases whose owning JVM is gone (killed before its shutdown hook could run). */
    private void sweepStaleDatabases() {
        List<String> stale = new ArrayList<>();
        try (Connection c = admin(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE 'tst\\_%'")) {
            while (rs.next()) {
                String name = rs.getString(1);
                String[] parts = name.split("_");
                if (parts.length >= 2 && parts[1].chars().allMatch(Character::isDigit)
                        && ProcessHandle.of(Long.parseLong(parts[1])).isEmpty()) {
                    stale.add(name);
                }
            }
        } catch (SQLException e) {
            return;
        }
        stale.forEach(name -> executeQuietly("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"));
    }

    private Connection admin() throws SQLException {
        return DriverManager.getConnection(adminUrlBase + "postgres", adminUser, adminPassword);
    }

    private void execute(String sql) {
        try (Connection c = admin(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Test database setup failed: " + sql, e);
        }
    }

    private void executeQuietly(String sql) {
        try (Connection c = admin(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException ignored) {
            // Best effort at shutdown: a database that cannot be dropped now is swept on the next run.
        }
    }
}
