package io.triage.benchmarks.audit;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Load driver for {@code POST /audit/events} against a running audit-service: closed-loop clients for a fixed time,
 * reporting events/s, request latency p50/p99 and the service process's CPU time per event (utime + stime from
 * {@code /proc/<pid>/stat} before and after, so the driver's own CPU is not counted).
 * <p>
 * Usage: {@code java -cp benchmarks.jar io.triage.benchmarks.audit.AuditLoad <baseUrl> <servicePid> <scenario>
 * <clients> <seconds> [minBatch maxBatch]}, scenario {@code single} (one event per request, a JSON object) or
 * {@code batch} (a JSON array of minBatch..maxBatch events, as classify-service's outbox relay sends them).
 */
public final class AuditLoad {

    private static final long CLOCK_TICKS_PER_SECOND = 100;

    private AuditLoad() {
    }

    public static void main(String[] args) throws Exception {
        URI events = URI.create(args[0] + "/audit/events");
        long pid = Long.parseLong(args[1]);
        boolean batch = args[2].equals("batch");
        int clients = Integer.parseInt(args[3]);
        Duration duration = Duration.ofSeconds(Long.parseLong(args[4]));
        int minBatch = batch ? Integer.parseInt(args[5]) : 1;
        int maxBatch = batch ? Integer.parseInt(args[6]) : 1;
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();

        // Warm-up (JIT, connection pool, partitions) for a third of the run, not measured.
        run(http, events, batch, clients, duration.dividedBy(3), minBatch, maxBatch);
        long cpuBefore = cpuTicks(pid);
        long start = System.nanoTime();
        List<Client> results = run(http, events, batch, clients, duration, minBatch, maxBatch);
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (cpuTicks(pid) - cpuBefore) / (double) CLOCK_TICKS_PER_SECOND;

        long eventCount = results.stream().mapToLong(c -> c.events).sum();
        long errors = results.stream().mapToLong(c -> c.errors).sum();
        long[] latencies = results.stream().flatMapToLong(c -> Arrays.stream(c.latencies, 0, c.requests))
                .sorted().toArray();
        System.out.printf("| %s | %d | %s | %d | %.0f | %.2f | %.2f | %.3f | %d |%n", batch ? "batch" : "single",
                clients, batch ? minBatch + "–" + maxBatch : "1", eventCount, eventCount / seconds,
                percentile(latencies, 0.50), percentile(latencies, 0.99), cpuSeconds * 1000 / eventCount, errors);
    }

    private static List<Client> run(HttpClient http, URI events, boolean batch, int clients, Duration duration,
            int minBatch, int maxBatch) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        List<Future<Client>> futures = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            for (int i = 0; i < clients; i++) {
                futures.add(pool.submit(() -> new Client().run(http, events, batch, minBatch, maxBatch, stop)));
            }
            Thread.sleep(duration);
            stop.set(true);
        }
        List<Client> results = new ArrayList<>();
        for (Future<Client> future : futures) {
            results.add(future.get());
        }
        return results;
    }

    private static double percentile(long[] sortedNanos, double p) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        return sortedNanos[(int) Math.min(sortedNanos.length - 1, Math.ceil(p * sortedNanos.length) - 1)] / 1e6;
    }

    /** utime + stime of the process, in clock ticks (fields 14 and 15 of /proc/pid/stat). */
    private static long cpuTicks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    /** One closed-loop client: sends, waits for the answer, sends again. */
    private static final class Client {
        long[] latencies = new long[1 << 16];
        int requests;
        long events;
        long errors;

        Client run(HttpClient http, URI uri, boolean batch, int minBatch, int maxBatch, AtomicBoolean stop)
                throws InterruptedException {
            while (!stop.get()) {
                int size = batch ? ThreadLocalRandom.current().nextInt(minBatch, maxBatch + 1) : 1;
                String body = batch ? batchBody(size) : AuditApiBenchmark.event(UUID.randomUUID());
                long started = System.nanoTime();
                try {
                    HttpResponse<Void> response = http.send(HttpRequest.newBuilder(uri)
                            .header("X-API-Key", "local-classify-service-key").header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                            HttpResponse.BodyHandlers.discarding());
                    if (response.statusCode() >= 300) {
                        errors++;
                        continue;
                    }
                } catch (IOException e) {
                    errors++;
                    continue;
                }
                if (requests == latencies.length) {
                    latencies = Arrays.copyOf(latencies, requests * 2);
                }
                latencies[requests++] = System.nanoTime() - started;
                events += size;
            }
            return this;
        }

        private static String batchBody(int size) {
            StringBuilder body = new StringBuilder(size * 520).append('[');
            for (int i = 0; i < size; i++) {
                body.append(i == 0 ? "" : ",").append(AuditApiBenchmark.event(UUID.randomUUID()));
            }
            return body.append(']').toString();
        }
    }
}
