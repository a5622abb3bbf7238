package io.triage.testsupport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import redis.embedded.RedisServer;

/**
 * Postgres and Redis for the local launcher ({@code ./triage up}): the servers already listening on the given ports
 * are used as they are; a missing one is started embedded from a Maven artifact (zonky's Postgres binaries,
 * codemonstur's Redis 6.2 binary) and kept until this process is stopped. Ensures the {@code triage} database exists,
 * then prints {@code READY} and, if it started anything, blocks.
 *
 * <p>Usage: {@code LocalBackingServices [postgresPort] [redisPort] [dataDir] [--fresh]}; {@code --fresh} drops the
 * {@code triage} database first (after a migration changed during development, Flyway refuses the old one).
 */
public final class LocalBackingServices {

    private LocalBackingServices() {
    }

    public static void main(String[] args) throws Exception {
        int postgresPort = args.length > 0 ? Integer.parseInt(args[0]) : 5432;
        int redisPort = args.length > 1 ? Integer.parseInt(args[1]) : 6379;
        Path dataDir = Path.of(args.length > 2 ? args[2] : "var/embedded");
        List<AutoCloseable> started = new ArrayList<>();

        if (listening(postgresPort)) {
            System.out.println("postgres: using the server on 127.0.0.1:" + postgresPort);
        } else {
            Path pgData = Files.createDirectories(dataDir.resolve("postgres"));
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().setPort(postgresPort)
                    .setDataDirectory(pgData).setCleanDataDirectory(false).start();
            started.add(postgres);
            System.out.println("postgres: started embedded on 127.0.0.1:" + postgresPort + " (data in " + pgData + ")");
        }
        if (listening(redisPort)) {
            System.out.println("redis: using the server on 127.0.0.1:" + redisPort);
        } else {
            RedisServer redis = RedisServer.newRedisServer().bind("127.0.0.1").port(redisPort).build();
            redis.start();
            started.add(redis::stop);
            System.out.println("redis: started embedded on 127.0.0.1:" + redisPort);
        }
        if (List.of(args).contains("--fresh")) {
            dropDatabase(postgresPort, "triage");
        }
        ensureDatabase(postgresPort, "triage");
        System.out.println("READY");
        System.out.flush();
        if (!started.isEmpty()) {
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(() -> {
                for (AutoCloseable server : started.reversed()) {
                    try {
                        server.close();
                    } catch (Exception e) {
                        System.err.println("stopping an embedded server failed: " + e.getMessage());
                    }
                }
                stopped.countDown();
            }));
            stopped.await();
        }
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1_000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void dropDatabase(int port, String name) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres",
                "postgres", ""); var s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            System.out.println("postgres: dropped database " + name + " (--fresh)");
        }
    }

    private static void ensureDatabase(int port, String name) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres",
                "postgres", "")) {
            boolean exists;
            try (var s = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                s.setString(1, name);
                exists = s.executeQuery().next();
            }
            if (!exists) {
                try (var s = c.createStatement()) {
                    s.execute("CREATE DATABASE " + name);
                }
                System.out.println("postgres: created database " + name);
            }
        }
    }
}
