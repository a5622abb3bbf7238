package io.triage.classify.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;

import io.triage.tickets.SyntheticTicket;
import io.triage.tickets.TicketGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /classify} under load, against a running suite ({@code ./triage up}); driven by
 * {@code benchmarks/classify-benchmarks/load.sh}, which also measures the CPU each process spends.
 * <ul>
 * <li>{@code history <count>}: embeds {@code count} generated tickets (seed 102) with their labels as the semantic
 * cache's history, 100 per {@code POST /embeddings}; prints texts/s.</li>
 * <li>{@code bodies <file>}: writes the 1,000 request bodies (seed 103), one JSON object per line, for wrk.</li>
 * <li>{@code model}: trains a model on 2,000 generated tickets (seed 101) as a background job (the service picks
 * the better candidate), waits for it and promotes the version it registered.</li>
 * <li>{@code open <rate> <seconds>}: an open-loop generator: requests leave at a fixed rate whatever the answers
 * do, and each latency counts from the request's intended start, so a stalled server cannot hide queueing
 * (coordinated omission). Prints answered, status counts, p50/p95/p99/max.</li>
 * </ul>
 */
public final class ClassifyLoad {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ClassifyLoad() {
    }

    public static void main(String[] args) throws Exception {
        String base = System.getenv().getOrDefault("CLASSIFY_URL", "http://127.0.0.1:8080");
        switch (args[0]) {
            case "history" -> history(System.getenv().getOrDefault("EMBEDDING_URL", "http://127.0.0.1:8082"),
                    Integer.parseInt(args[1]));
            case "bodies" -> Files.write(Path.of(args[1]), bodies());
            case "model" -> model(base);
            case "open" -> open(base, Integer.parseInt(args[1]), Integer.parseInt(args[2]));
            default -> throw new IllegalArgumentException(
                    "history <count> | bodies <file> | model | open <rate> <seconds>");
        }
    }

    static List<String> bodies() {
        List<String> bodies = new ArrayList<>();
        for (SyntheticTicket t : new TicketGenerator(103).generate(1000)) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("ticketId", "R-" + t.ticketId());
            body.put("subject", t.subject());
            body.put("description", t.description());
            body.put("channel", t.channel());
            body.put("customerId", t.customerId());
            bodies.add(JSON.writeValueAsString(body));
        }
        return bodies;
    }

    static void model(String base) throws Exception {
        StringBuilder lines = new StringBuilder();
        for (SyntheticTicket t : new TicketGenerator(101).generate(2000)) {
            lines.append(JSON.writeValueAsString(Map.of("text", t.subject() + " " + t.description(),
                    "department", t.department(), "urgency", t.urgency(), "sentiment", t.sentiment()))).append('\n');
        }
        HttpClient http = HttpClient.newHttpClient();
        String path = "/models/train";
        HttpResponse<String> accepted = http.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("X-API-Key", "local-analyst-key").header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(lines.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
        if (accepted.statusCode() != 202) {
            throw new IllegalStateException("POST " + path + " answered " + accepted.statusCode() + ": "
                    + accepted.body());
        }
        String job = JSON.readTree(accepted.body()).get("id").asString();
        tools.jackson.databind.JsonNode state;
        do {
            Thread.sleep(2000);
            state = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(base + "/models/jobs/" + job))
                    .header("X-API-Key", "local-analyst-key").build(), HttpResponse.BodyHandlers.ofString()).body());
        } while (!state.get("state").asString().equals("SUCCEEDED") && !state.get("state").asString().equals("FAILED"));
        System.out.println("training job " + job + ": " + state);
        if (state.get("state").asString().equals("FAILED")) {
            throw new IllegalStateException("training failed");
        }
        int version = state.get("result").get("version").asInt();
        HttpResponse<String> promoted = http.send(HttpRequest.newBuilder(URI.create(base + "/models/" + version
                + "/promote")).header("X-API-Key", "local-analyst-key").POST(HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.ofString());
        System.out.println("promote version " + version + ": " + promoted.statusCode() + " " + promoted.body());
    }

    static void history(String base, int count) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        List<SyntheticTicket> tickets = new TicketGenerator(102).generate(count);
        long start = System.nanoTime();
        for (int from = 0; from < tickets.size(); from += 100) {
            List<Map<String, Object>> batch = new ArrayList<>();
            for (SyntheticTicket t : tickets.subList(from, Math.min(tickets.size(), from + 100))) {
                batch.add(Map.of("ticketId", "H-" + t.ticketId(), "customerId", t.customerId(), "text",
                        t.subject() + "\n" + t.description(), "createdAt", Instant.parse("2026-11-01T10:00:00Z")
                                .toString(), "department", t.department(), "urgency", t.urgency(), "sentiment",
                        t.sentiment()));
            }
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base + "/embeddings"))
                    .header("X-API-Key", "local-ops-key").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("tickets", batch))))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() / 100 != 2) {
                throw new IllegalStateException("POST /embeddings answered " + answer.statusCode() + ": "
                        + answer.body());
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "history: %d tickets embedded in %.1f s = %.0f texts/s%n", count, seconds,
                count / seconds);
    }

    static void open(String base, int rate, int seconds) throws InterruptedException {
        List<String> bodies = bodies();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newVirtualThreadPerTaskExecutor()).build();
        int total = rate * seconds;
        AtomicLongArray micros = new AtomicLongArray(total);
        Map<String, AtomicInteger> statuses = new ConcurrentHashMap<>();
        AtomicInteger retryAfter = new AtomicInteger();
        AtomicLong done = new AtomicLong();
        long intervalNanos = 1_000_000_000L / rate;
        long start = System.nanoTime() + 100_000_000L;
        try (var senders = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < total; i++) {
                long intended = start + i * intervalNanos;
                long wait = intended - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                int index = i;
                String body = bodies.get(i % bodies.size());
                senders.execute(() -> {
                    String status;
                    try {
                        HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(URI.create(base + "/classify"))
                                .header("X-API-Key", "local-classifier-key")
                                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(10))
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                                HttpResponse.BodyHandlers.discarding());
                        status = String.valueOf(answer.statusCode());
                        if (answer.headers().firstValue("Retry-After").isPresent()) {
                            retryAfter.incrementAndGet();
                        }
                        if (answer.statusCode() == 200) {
                            micros.set(index, Math.max(1, (System.nanoTime() - intended) / 1000));
                        }
                    } catch (IOException | RuntimeException e) {
                        status = e.getClass().getSimpleName();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        status = "interrupted";
                    }
                    statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                    done.incrementAndGet();
                });
            }
            senders.shutdown();
            senders.awaitTermination(30, TimeUnit.SECONDS);
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        long[] answered = new long[total];
        int n = 0;
        for (int i = 0; i < total; i++) {
            if (micros.get(i) > 0) {
                answered[n++] = micros.get(i);
            }
        }
        long[] sorted = Arrays.copyOf(answered, n);
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "| %d/s | %d | %d | %s | %d | %.1f ms | %.1f ms | %.1f ms | %.1f ms |%n",
                rate, total, n, new TreeMap<>(statuses), retryAfter.get(), at(sorted, 0.50), at(sorted, 0.95),
                at(sorted, 0.99), at(sorted, 1.0));
        System.out.printf(Locale.ROOT, "(%.1f s from first send to last answer)%n", elapsed);
    }

    private static double at(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1 < 0 ? 0
                : Math.ceil(p * sorted.length) - 1)] / 1000.0;
    }
}
