package io.triage.audit.blob;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.List;
import java.util.UUID;

import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import io.triage.audit.config.AuditProperties;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts one Azurite blob server per test JVM (npm package {@code azurite}, installed by {@code ./triage test} under
 * {@code var/tools/azurite}, run with the machine's Node.js, in memory, on a free port) and stops it when the JVM
 * exits. Without Azurite the test class <b>fails</b> with a message saying how to install it, so CI never skips the
 * Azure stores silently; a developer without Node.js can opt out visibly with {@code -Dtriage.azurite.skip=true}.
 * Use it as {@code @ExtendWith(Azurite.class)}; {@link #connectionString()} starts it on first use too (for
 * {@code @DynamicPropertySource}).
 */
public final class Azurite implements BeforeAllCallback {

    /** The installation directory (an {@code npm install --prefix} target); set by the build. */
    public static final String HOME_PROPERTY = "triage.azurite.home";

    private static final Duration START_CEILING = Duration.ofSeconds(30);
    private static volatile String connectionString;

    @Override
    public void beforeAll(ExtensionContext context) {
        connectionString();
    }

    /** The connection string of the running server (Azurite's published account and key). */
    public static synchronized String connectionString() {
        if (connectionString == null) {
            Assumptions.assumeFalse(Boolean.getBoolean("triage.azurite.skip"),
                    "Azurite tests skipped on request (-Dtriage.azurite.skip=true)");
            int port = start();
            connectionString = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey="
                    + AuditProperties.Azure.AZURITE_ACCOUNT_KEY + ";BlobEndpoint=http://127.0.0.1:" + port
                    + "/devstoreaccount1;";
        }
        return connectionString;
    }

    /** A new, unique container name (3–63 lowercase letters, digits and hyphens). */
    public static String newContainerName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A client of a container on the running server, as a third party (an auditor) would read it. */
    public static BlobContainerClient container(String name) {
        return new BlobServiceClientBuilder().connectionString(connectionString()).buildClient()
                .getBlobContainerClient(name);
    }

    /** The account settings of a write-once store in {@code container} on the running server. */
    public static AuditProperties.Azure settings() {
        return new AuditProperties.Azure("", connectionString(), "", "audit-archive", "audit-checkpoints",
                Period.ofYears(5), false, true, false, Duration.ofSeconds(30));
    }

    /**
     * {@code ./triage test} installs Azurite beside the build (it takes a minute on a fresh clone), marking the
     * installation with {@code <home>.installing} until it is done: wait for it rather than fail.
     */
    private static void awaitInstallation(String home, Path main) {
        Path marker = Path.of(home + ".installing");
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (!home.isBlank() && !Files.isRegularFile(main) && Files.exists(marker)
                && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static int start() {
        String home = System.getProperty(HOME_PROPERTY, System.getenv().getOrDefault("AZURITE_HOME", ""));
        Path main = Path.of(home, "node_modules", "azurite", "dist", "src", "blob", "main.js");
        awaitInstallation(home, main);
        if (home.isBlank() || !Files.isRegularFile(main)) {
            throw new IllegalStateException("Azurite is not installed at '" + home + "' (" + HOME_PROPERTY
                    + "): run ./triage test, which installs it, or npm install --prefix var/tools/azurite "
                    + "azurite@3.35.0 at the repository root (or -Dtriage.azurite.skip=true to skip these tests)");
        }
        try {
            int port = freePort();
            Path workspace = Files.createDirectories(Path.of("target", "azurite", String.valueOf(port)))
                    .toAbsolutePath();
            Process process = new ProcessBuilder(List.of("node", main.toAbsolutePath().toString(), "--silent",
                    "--inMemoryPersistence", "--extentMemoryLimit", "256", "--skipApiVersionCheck",
                    "--disableTelemetry", "--blobHost", "127.0.0.1", "--blobPort", String.valueOf(port)))
                    .directory(workspace.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(workspace.resolve("azurite.log").toFile())
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
            awaitListening(process, port, workspace.resolve("azurite.log"));
            return port;
        } catch (IOException e) {
            throw new UncheckedIOException("starting Azurite (node " + main + ") failed", e);
        }
    }

    private static void awaitListening(Process process, int port, Path log) throws IOException {
        Instant deadline = Instant.now().plus(START_CEILING);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Azurite exited with " + process.exitValue() + ": "
                        + Files.readString(log));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                // polled again below
            }
            try {
                process.waitFor(Duration.ofMillis(100));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while Azurite started", e);
            }
        }
        process.destroy();
        throw new IllegalStateException("Azurite did not listen on port " + port + " within " + START_CEILING);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
