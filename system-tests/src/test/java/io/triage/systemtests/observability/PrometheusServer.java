package io.triage.systemtests.observability;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real {@code prometheus} process (the binary on the PATH, e.g. Debian's package) on a free port with its own
 * storage, scraping the given services' {@code /actuator/prometheus} every second with the scrape key sent as
 * {@code Authorization: Bearer} (the one header Prometheus before 2.55 can send), and loading the suite's alert rules.
 */
final class PrometheusServer implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Process process;
    private final int port;
    private final HttpClient http = HttpClient.newHttpClient();

    private PrometheusServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** The named binary on the PATH, if installed. */
    static Optional<Path> binary(String name) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .map(directory -> Path.of(directory, name)).filter(Files::isExecutable).findFirst();
    }

    /**
     * Starts Prometheus scraping {@code targets} (application name → port) with {@code scrapeKey}, evaluating
     * {@code rules}; its config, key file, storage and log go under {@code directory}.
     */
    static PrometheusServer start(Path binary, Path directory, Map<String, Integer> targets, String scrapeKey,
            Path rules) throws IOException {
        Path keyFile = Files.writeString(directory.resolve("scrape-key"), scrapeKey);
        String staticConfigs = targets.entrySet().stream().map(target -> """
                      - targets: ['127.0.0.1:%d']
                        labels: {application: %s}
                """.formatted(target.getValue(), target.getKey())).collect(Collectors.joining());
        Path config = Files.writeString(directory.resolve("prometheus.yml"), """
                global:
                  scrape_interval: 1s
                  scrape_timeout: 1s
                  evaluation_interval: 1s
                rule_files: ['%s']
                scrape_configs:
                  - job_name: triage
                    metrics_path: /actuator/prometheus
                    authorization:
                      type: Bearer
                      credentials_file: %s
                    static_configs:
                %s""".formatted(rules.toAbsolutePath().normalize(), keyFile.toAbsolutePath(), staticConfigs));
        int port = freePort();
        Process process = new ProcessBuilder(binary.toString(), "--config.file=" + config.toAbsolutePath(),
                "--storage.tsdb.path=" + directory.resolve("data").toAbsolutePath(),
                "--web.listen-address=127.0.0.1:" + port, "--log.level=warn")
                .redirectErrorStream(true).redirectOutput(directory.resolve("prometheus.log").toFile()).start();
        return new PrometheusServer(process, port);
    }

    boolean ready() {
        try {
            return process.isAlive() && get("/-/ready").statusCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    /** {@code /api/v1/query}'s {@code data.result}: one element per series (empty: no data). */
    JsonNode query(String promql) throws IOException {
        HttpResponse<String> response = get("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
        JsonNode body = JSON.readTree(response.body());
        if (!"success".equals(body.path("status").asString())) {
            throw new IllegalStateException("Prometheus refused " + promql + ": " + response.body());
        }
        return body.path("data").path("result");
    }

    /** {@code /api/v1/targets}' active targets. */
    JsonNode targets() throws IOException {
        return JSON.readTree(get("/api/v1/targets").body()).path("data").path("activeTargets");
    }

    /** {@code /api/v1/rules}' groups, with each rule's health and last error. */
    JsonNode ruleGroups() throws IOException {
        return JSON.readTree(get("/api/v1/rules").body()).path("data").path("groups");
    }

    private HttpResponse<String> get(String path) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        http.close();
    }
}
