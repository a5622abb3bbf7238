package io.triage.classify.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.triage.classify.training.DataSplit;
import io.triage.classify.training.Heads;
import io.triage.classify.training.LabelledText;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes {@code model-serving.md}: the whole path through a running classify-service — upload Banking77's
 * train.csv to {@code POST /models/train}, promote the version, then send each query of the same seeded test split
 * the service held out to {@code POST /models/predict} — and compares the served accuracy with the report the
 * service wrote. Also reads the tracking-overhead timer from {@code /metrics}.
 * Usage: {@code ServedModelCheck <base-url> <out.md>} (local API keys).
 */
public final class ServedModelCheck {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ServedModelCheck() {
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        Path file = Datasets.dataDir().resolve("banking77/train.csv");
        long started = System.nanoTime();
        JsonNode summary = awaitJob(base, send(base, "/models/train?column=category=department", "local-analyst-key",
                "text/csv", Files.readString(file)).get("id").asString());
        double trainSeconds = (System.nanoTime() - started) / 1e9;
        long version = summary.get("version").asLong();
        send(base, "/models/" + version + "/promote", "local-analyst-key", "application/json", "");
        List<LabelledText> test = DataSplit.stratified(Datasets.banking77().examples(), Heads.DEPARTMENT, 0.70,
                0.15, 42).test();
        awaitServing(base, version);
        long[] micros = new long[test.size()];
        int correct = 0;
        int answered = 0;
        int answeredCorrect = 0;
        for (int i = 0; i < test.size(); i++) {
            String body = JSON.writeValueAsString(Map.of("description", test.get(i).text(),
                    "ticketId", "banking77-test-" + i));
            long t0 = System.nanoTime();
            JsonNode answer = send(base, "/models/predict", "local-analyst-key", "application/json", body);
            micros[i] = (System.nanoTime() - t0) / 1000;
            JsonNode department = answer.get("heads").get(Heads.DEPARTMENT);
            boolean right = department.get("label").asString().equals(test.get(i).labels().get(Heads.DEPARTMENT));
            correct += right ? 1 : 0;
            if (!department.get("needsReview").asBoolean()) {
                answered++;
                answeredCorrect += right ? 1 : 0;
            }
        }
        Arrays.sort(micros);
        JsonNode reported = summary.get("heads").get(0);
        String metrics = get(base, "/metrics", "local-ops-key");
        StringBuilder md = new StringBuilder("# Served model check (classify-service, Banking77)\n\n")
                .append(Environment.describe(LocalDate.now())).append('\n')
                .append("Command: `java -Dtriage.data.dir=../shared/data -cp benchmarks/classify-benchmarks/target/"
                        + "benchmarks.jar io.triage.classify.benchmarks.ServedModelCheck http://127.0.0.1:8080 "
                        + "benchmarks/results/model-serving.md` against `./triage up` (every service running, "
                        + "512 MiB heap each).\n\n")
                .append("| step | result |\n|---|---|\n")
                .append(row("`POST /models/train` job, accepted to SUCCEEDED (10,003 queries, both candidates, "
                        + "registry write)",
                        String.format(Locale.ROOT, "%.1f s; version %d, stage %s", trainSeconds,
                                version, summary.get("stage").asString())))
                .append(row("accuracy the service reported on its test split", pct(reported.get("accuracy")
                        .asDouble())))
                .append(row("accuracy served by `POST /models/predict` on that split (" + test.size() + " queries)",
                        pct((double) correct / test.size())))
                .append(row("answered without review (target precision 0.95)", pct((double) answered / test.size())
                        + ", precision " + pct(answered == 0 ? 0 : (double) answeredCorrect / answered)))
                .append(row("HTTP latency per query, one client (p50 / p95 / p99)", String.format(Locale.ROOT,
                        "%.1f / %.1f / %.1f ms", micros[micros.length / 2] / 1000.0,
                        micros[(int) (micros.length * 0.95)] / 1000.0, micros[(int) (micros.length * 0.99)] / 1000.0)))
                .append(row("tracking overhead (`classify_model_tracking_seconds`: artifact encode, SHA-256, registry "
                        + "insert)", trackingLine(metrics)));
        Files.writeString(Path.of(args[1]), md.toString());
        System.out.println(md);
    }

    private static String trackingLine(String metrics) {
        return metrics.lines().filter(l -> l.startsWith("classify_model_tracking_seconds_max")
                || l.startsWith("classify_model_tracking_seconds_sum") || l.startsWith(
                        "classify_model_tracking_seconds_count"))
                .map(String::strip).reduce((a, b) -> a + "; " + b).orElse("timer not found");
    }

    /** Polls the training job until it ends; returns its summary, or fails with its reason. */
    static JsonNode awaitJob(String base, String id) throws Exception {
        while (true) {
            JsonNode job = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(base + "/models/jobs/" + id))
                    .header("X-API-Key", "local-analyst-key").build(), HttpResponse.BodyHandlers.ofString()).body());
            switch (job.get("state").asString()) {
                case "SUCCEEDED" -> {
                    return job.get("result");
                }
                case "FAILED" -> throw new IllegalStateException("training job " + id + " failed: " + job.get("error"));
                default -> Thread.sleep(1000);
            }
        }
    }

    private static void awaitServing(String base, long version) throws Exception {
        for (int i = 0; i < 120; i++) {
            JsonNode answer = send(base, "/models/predict", "local-analyst-key", "application/json",
                    "{\"description\":\"where is my card\"}");
            if (answer.get("modelVersion").asString().equals(Long.toString(version))) {
                return;
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException("version " + version + " is not served after 120 s");
    }

    private static JsonNode send(String base, String path, String key, String type, String body) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("X-API-Key", key).header("Content-Type", type).timeout(Duration.ofMinutes(15))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private static String get(String base, String path, String key) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).header("X-API-Key", key)
                .header("Accept", "text/plain").build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static String row(String step, String result) {
        return "| " + step + " | " + result + " |\n";
    }

    private static String pct(double v) {
        return String.format(Locale.ROOT, "%.1f %%", v * 100);
    }
}
