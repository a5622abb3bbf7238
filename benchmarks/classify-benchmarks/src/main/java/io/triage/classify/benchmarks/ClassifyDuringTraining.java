package io.triage.classify.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import io.triage.tickets.SyntheticTicket;
import io.triage.tickets.TicketGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /classify} latency while a model trains in the background, against a running suite ({@code ./triage up}):
 * an open-loop generator sends requests at a fixed rate (latency counted from each request's intended start, so a
 * stalled server cannot hide queueing), first with nothing training, then while a training job on 2,000 generated
 * tickets runs. Writes its section of {@code classify-load.md} between the markers.
 * Usage: {@code ClassifyDuringTraining <base-url> <requests-per-second> <classify-load.md>}.
 */
public final class ClassifyDuringTraining {

    static final String BEGIN = "<!-- classify-during-training:begin -->";
    static final String END = "<!-- classify-during-training:end -->";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ClassifyDuringTraining() {
    }

    /** Latencies (ms, from the intended start) and failures of one phase. */
    record Phase(List<Double> millis, int failures, double seconds) {

        double percentile(double p) {
            List<Double> sorted = new ArrayList<>(millis);
            Collections.sort(sorted);
            return sorted.isEmpty() ? Double.NaN : sorted.get((int) Math.min(sorted.size() - 1, p * sorted.size()));
        }
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        int rate = Integer.parseInt(args[1]);
        Path report = Path.of(args[2]);
        List<String> bodies = new ArrayList<>();
        for (SyntheticTicket t : new TicketGenerator(103).generate(1000)) {
            bodies.add(JSON.writeValueAsString(Map.of("ticketId", t.ticketId(), "subject", t.subject(),
                    "description", t.description(), "channel", t.channel(), "customerId", t.customerId())));
        }
        run(base, bodies, rate, new AtomicInteger(), () -> false, Duration.ofSeconds(15)); // warm-up, discarded
        Phase idle = run(base, bodies, rate, new AtomicInteger(), () -> false, Duration.ofSeconds(40));
        long trainingStarted = System.nanoTime();
        String job = startTraining(base);
        Phase training = run(base, bodies, rate, new AtomicInteger(), () -> ended(base, job), Duration.ofMinutes(15));
        double trainingSeconds = (System.nanoTime() - trainingStarted) / 1e9;
        JsonNode finished = get(base, "/models/jobs/" + job, "local-analyst-key");
        String section = section(rate, idle, training, trainingSeconds, finished);
        String existing = Files.exists(report) ? Files.readString(report) : "";
        String updated = existing.contains(BEGIN)
                ? existing.substring(0, existing.indexOf(BEGIN)) + section
                        + existing.substring(existing.indexOf(END) + END.length())
                : existing + "\n" + section + "\n";
        Files.writeString(report, updated);
        System.out.println(section);
    }

    /** Sends {@code rate} requests per second until {@code done} says so or {@code limit} passes. */
    static Phase run(String base, List<String> bodies, int rate, AtomicInteger next, BooleanSupplier done,
            Duration limit) throws InterruptedException {
        List<Double> millis = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger failures = new AtomicInteger();
        long intervalNanos = 1_000_000_000L / rate;
        long started = System.nanoTime();
        long deadline = started + limit.toNanos();
        try (var senders = Executors.newVirtualThreadPerTaskExecutor();
                ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor()) {
            clock.scheduleAtFixedRate(() -> {
                long intended = System.nanoTime();
                String body = bodies.get(next.getAndIncrement() % bodies.size());
                senders.execute(() -> {
                    try {
                        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base
                                + "/classify")).header("X-API-Key", "local-classifier-key")
                                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(10))
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                                HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() == 200) {
                            millis.add((System.nanoTime() - intended) / 1e6);
                        } else {
                            failures.incrementAndGet();
                        }
                    } catch (Exception e) {
                        failures.incrementAndGet();
                    }
                });
            }, 0, intervalNanos, TimeUnit.NANOSECONDS);
            while (System.nanoTime() < deadline && !done.getAsBoolean()) {
                Thread.sleep(500);
            }
            clock.shutdownNow();
        }
        return new Phase(List.copyOf(millis), failures.get(),
                (System.nanoTime() - started) / 1e9);
    }

    static String startTraining(String base) throws Exception {
        StringBuilder lines = new StringBuilder();
        for (SyntheticTicket t : new TicketGenerator(101).generate(2000)) {
            lines.append(JSON.writeValueAsString(Map.of("text", t.subject() + " " + t.description(),
                    "department", t.department(), "urgency", t.urgency(), "sentiment", t.sentiment()))).append('\n');
        }
        HttpResponse<String> accepted = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/models/train"))
                .header("X-API-Key", "local-analyst-key").header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(lines.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
        if (accepted.statusCode() != 202) {
            throw new IllegalStateException("POST /models/train answered " + accepted.statusCode() + ": "
                    + accepted.body());
        }
        return JSON.readTree(accepted.body()).get("id").asString();
    }

    static boolean ended(String base, String job) {
        try {
            String state = get(base, "/models/jobs/" + job, "local-analyst-key").get("state").asString();
            return state.equals("SUCCEEDED") || state.equals("FAILED");
        } catch (Exception e) {
            return false;
        }
    }

    static JsonNode get(String base, String path, String key) throws Exception {
        return JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).header("X-API-Key", key)
                .build(), HttpResponse.BodyHandlers.ofString()).body());
    }

    static String section(int rate, Phase idle, Phase training, double trainingSeconds, JsonNode job) {
        StringBuilder md = new StringBuilder(BEGIN).append('\n')
                .append("## `/classify` while a model trains\n\n")
                .append(Environment.describe(LocalDate.now()))
                .append("\nCommand: `java -cp benchmarks/classify-benchmarks/target/benchmarks.jar "
                        + "io.triage.classify.benchmarks.ClassifyDuringTraining http://127.0.0.1:8080 " + rate
                        + " benchmarks/results/classify-load.md` against `./triage up` (every service, 512 MiB heap "
                        + "each, the demo's model in production). Open loop at " + rate + " requests/s; latency "
                        + "from each request's intended start. The training job: 2,000 generated tickets, both "
                        + "candidates (TF-IDF + LR and the bge-small combined model), on the job pool of cores − 1 "
                        + "threads.\n\n")
                .append("| phase | seconds | answered | failed | p50 | p95 | p99 | max |\n")
                .append("|---|---|---|---|---|---|---|---|\n")
                .append(row("nothing training", idle))
                .append(row("training job running", training))
                .append(String.format(Locale.ROOT, "%nTraining job %s: %s after %.1f s (%s).%n", job.get("id")
                        .asString(), job.get("state").asString(), trainingSeconds, job.get("stage").asString()))
                .append(END);
        return md.toString();
    }

    private static String row(String name, Phase phase) {
        return String.format(Locale.ROOT, "| %s | %.0f | %d | %d | %.1f ms | %.1f ms | %.1f ms | %.1f ms |%n", name,
                phase.seconds(), phase.millis().size(), phase.failures(), phase.percentile(0.50),
                phase.percentile(0.95), phase.percentile(0.99), phase.percentile(1.0));
    }
}
