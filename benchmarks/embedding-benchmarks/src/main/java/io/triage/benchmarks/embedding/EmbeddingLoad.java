package io.triage.benchmarks.embedding;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.triage.tickets.SyntheticTicket;
import io.triage.tickets.TicketGenerator;

/**
 * Load driver for a running embedding-service: ingests {@code tickets} generated tickets through
 * {@code POST /embeddings} in requests of 1,000 (texts/s and server CPU per text), then sends {@code searches}
 * {@code POST /search} requests one after another, each with a text the service has not seen (a cache-tier lookup of
 * a new ticket: one encode), and reports latency percentiles and the server's CPU per search from
 * {@code /proc/<pid>/stat} (user + system; the driver runs in its own JVM, so its CPU is not counted).
 *
 * <p>With a fifth argument {@code vector} the searches send a query vector instead of a text: no encode, so the
 * CPU per search is the request's own overhead (HTTP, security, JSON, tracing, metrics) plus the index query.
 *
 * <pre>java -cp benchmarks.jar io.triage.benchmarks.embedding.EmbeddingLoad http://127.0.0.1:18082 &lt;pid&gt; 3000 1000 [vector]</pre>
 */
public final class EmbeddingLoad {

    private static final long TICKS_PER_SECOND = 100;

    private EmbeddingLoad() {
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        long pid = Long.parseLong(args[1]);
        int tickets = Integer.parseInt(args[2]);
        int searches = Integer.parseInt(args[3]);
        boolean byVector = args.length > 4 && args[4].equals("vector");
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

        List<SyntheticTicket> history = new TicketGenerator(11).generate(tickets);
        long cpu = cpuMillis(pid);
        long start = System.nanoTime();
        for (int from = 0; from < tickets; from += 1000) {
            StringBuilder body = new StringBuilder("{\"tickets\":[");
            for (int i = from; i < Math.min(tickets, from + 1000); i++) {
                SyntheticTicket t = history.get(i);
                body.append(i == from ? "" : ",").append("{\"ticketId\":\"L-").append(i)
                        .append("\",\"customerId\":\"").append(t.customerId()).append("\",\"text\":")
                        .append(quoted(t.subject() + ". " + t.description()))
                        .append(",\"createdAt\":\"2026-11-01T10:00:00Z\",\"department\":\"")
                        .append(t.department()).append("\"}");
            }
            send(http, base + "/embeddings", "local-ops-key", body.append("]}").toString());
        }
        double ingestSeconds = (System.nanoTime() - start) / 1e9;
        long ingestCpu = cpuMillis(pid) - cpu;
        System.out.printf("ingest: %d tickets in %.1f s = %.1f texts/s, server CPU %.2f ms/text%n", tickets,
                ingestSeconds, tickets / ingestSeconds, (double) ingestCpu / tickets);

        List<SyntheticTicket> queries = new TicketGenerator(12).generate(searches + 200);
        for (int i = 0; i < 200; i++) {
            search(http, base, queries.get(i), byVector);
        }
        long[] latencies = new long[searches];
        cpu = cpuMillis(pid);
        start = System.nanoTime();
        for (int i = 0; i < searches; i++) {
            long t0 = System.nanoTime();
            search(http, base, queries.get(200 + i), byVector);
            latencies[i] = System.nanoTime() - t0;
        }
        double searchSeconds = (System.nanoTime() - start) / 1e9;
        long searchCpu = cpuMillis(pid) - cpu;
        Arrays.sort(latencies);
        System.out.printf("search by " + (byVector ? "vector" : "text") + ": %d in %.1f s, p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, server CPU %.2f ms/search%n",
                searches, searchSeconds, latencies[searches / 2] / 1e6, latencies[searches * 9 / 10] / 1e6,
                latencies[searches * 99 / 100] / 1e6, (double) searchCpu / searches);
    }

    private static void search(HttpClient http, String base, SyntheticTicket ticket, boolean byVector)
            throws Exception {
        if (byVector) {
            float[] vector = Datasets.vectors("clustered", 1, ticket.ticketId().hashCode())[0];
            send(http, base + "/search", "local-classify-service-key", "{\"vector\":" + Arrays.toString(vector)
                    + ",\"k\":5}");
            return;
        }
        // A unique suffix: every search is a text the service has not encoded yet.
        send(http, base + "/search", "local-classify-service-key", "{\"text\":"
                + quoted(ticket.subject() + ". " + ticket.description() + " #" + ticket.ticketId()) + ",\"k\":5}");
    }

    private static void send(HttpClient http, String url, String key, String body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("X-API-Key", key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    private static long cpuMillis(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // Fields 14 and 15 of stat (utime, stime), counted from after the command name.
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 1000 / TICKS_PER_SECOND;
    }

    private static String quoted(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return out.append('"').toString();
    }
}
