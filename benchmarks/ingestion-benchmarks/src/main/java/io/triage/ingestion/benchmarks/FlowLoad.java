package io.triage.ingestion.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Load runs of the ticket flow against a suite started with {@code ./triage up} (ingestion :8083, simulators
 * :9101–9103, Postgres on 127.0.0.1). Driven by {@code run.sh}; every mode prints a Markdown table.
 *
 * <ul>
 *   <li>{@code webhooks <per-source rate/s> <seconds> <source,...>}: open loop at a fixed rate per source. Zendesk
 *       and Jira tickets are created in their simulators, which send their signed webhooks to ingestion-service;
 *       ServiceNow incidents are posted as its REST Message would (shared-secret header). Latency per ticket is
 *       its decision's {@code decided_at} in {@code ingestion.ticket_decisions} minus the moment it was created.</li>
 *   <li>{@code writebacks <per-source rate/s> <seconds> <source,...>}: the same load, with the write-back that
 *       follows each decision (a field mapping published per source): created → fields set in the simulator
 *       ({@code ingestion.writebacks.completed_at}), attempts, dead letters, and duplicate notes counted in the
 *       simulators themselves. ServiceNow incidents are also created in its simulator first, so there is something
 *       to write back to.</li>
 *   <li>{@code seed-servicenow <count>}: creates incidents in the ServiceNow simulator (for the pull runs).</li>
 *   <li>{@code pull <source>}: starts a pull and reports tickets/s from the run's own start and finish.</li>
 *   <li>{@code count-servicenow <expected> <seeded-since>}: for the crash run, how many of the ServiceNow incidents
 *       created since that instant were stored, decided once, decided more than once in classify-service's log, or
 *       lost.</li>
 * </ul>
 */
public final class FlowLoad {

    private static final String OPS_KEY = "local-ops-key";
    private static final String SERVICENOW_SECRET = "local-servicenow-webhook-secret";
    private static final DateTimeFormatter GLIDE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newVirtualThreadPerTaskExecutor()).build();
    private final List<String> texts;
    private final String ingestion = env("TRIAGE_INGESTION_URL", "http://127.0.0.1:8083");
    private final String database = env("TRIAGE_BENCH_DB", "jdbc:postgresql://127.0.0.1:5432/triage?user=postgres");

    private FlowLoad(List<String> texts) {
        this.texts = texts;
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: FlowLoad webhooks|writebacks <rate> <seconds> <sources> | seed-servicenow <count> | "
                    + "pull <source> | count-servicenow <expected> <seeded-since>");
            System.exit(2);
        }
        FlowLoad load = new FlowLoad(texts(Path.of(env("TRIAGE_DATA_DIR", "../shared/data"), "banking77",
                "train.csv")));
        switch (args[0]) {
            case "webhooks" -> load.webhooks(Integer.parseInt(args[1]), Integer.parseInt(args[2]),
                    List.of(args[3].split(",")));
            case "writebacks" -> load.writebacks(Integer.parseInt(args[1]), Integer.parseInt(args[2]),
                    List.of(args[3].split(",")));
            case "seed-servicenow" -> load.seedServiceNow(Integer.parseInt(args[1]));
            case "pull" -> load.pull(args[1]);
            case "count-servicenow" -> load.countServiceNow(Integer.parseInt(args[1]), Instant.parse(args[2]));
            default -> throw new IllegalArgumentException("unknown mode " + args[0]);
        }
        System.exit(0);
    }

    /** Real customer questions (Banking77's training texts, RFC 4180 CSV with quoted newlines), 3,000 of them. */
    static List<String> texts(Path csv) throws IOException {
        String content = Files.readString(csv, StandardCharsets.UTF_8);
        List<String> texts = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean first = true;
        boolean header = true;
        for (int i = 0; i < content.length() && texts.size() < 3000; i++) {
            char c = content.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < content.length() && content.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',' && first) {
                if (!header) {
                    texts.add(field.toString().strip().replace('\n', ' '));
                }
                first = false;
            } else if (c == '\n') {
                field.setLength(0);
                first = true;
                header = false;
            } else if (first) {
                field.append(c);
            }
        }
        return texts;
    }

    // ---------------------------------------------------------------- webhooks at a fixed rate

    record Sent(String source, String externalId, long sentMillis) {
    }

    void webhooks(int rate, int seconds, List<String> sources) throws Exception {
        List<Sent> sent = send(rate, seconds, sources, false);
        awaitDecisions(sent, Duration.ofSeconds(Math.max(600, seconds * 10L)));
        report(sent);
    }

    /** Creates the tickets at a fixed rate per source (open loop); answers those whose creation succeeded. */
    private List<Sent> send(int rate, int seconds, List<String> sources, boolean seedServiceNow) throws Exception {
        long runStart = System.currentTimeMillis();
        List<Sent> sent = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        int total = rate * seconds;
        CountDownLatch done = new CountDownLatch(total * sources.size());
        ScheduledExecutorService clock = Executors.newScheduledThreadPool(sources.size());
        AtomicLong lateStarts = new AtomicLong();
        for (String source : sources) {
            AtomicInteger index = new AtomicInteger();
            long periodMicros = 1_000_000L / rate;
            long[] planned = {System.nanoTime()};
            clock.scheduleAtFixedRate(() -> {
                int i = index.getAndIncrement();
                if (i >= total) {
                    return;
                }
                long now = System.nanoTime();
                if (now - planned[0] - i * periodMicros * 1000 > 50_000_000L) {
                    lateStarts.incrementAndGet();
                }
                long at = System.currentTimeMillis();
                create(source, i, seedServiceNow).whenComplete((externalId, failure) -> {
                    synchronized (sent) {
                        if (externalId != null) {
                            sent.add(new Sent(source, externalId, at));
                        } else {
                            failures.add(source + ": " + failure);
                        }
                    }
                    done.countDown();
                });
            }, 0, periodMicros, TimeUnit.MICROSECONDS);
        }
        done.await(seconds + 120L, TimeUnit.SECONDS);
        clock.shutdownNow();
        long sendEnd = System.currentTimeMillis();
        System.out.printf("sent %d tickets in %.1f s (%d per source at %d/s), %d failed to send, %d sends started "
                + "more than 50 ms late%n", sent.size(), (sendEnd - runStart) / 1000.0, total, rate,
                failures.size(), lateStarts.get());
        failures.stream().limit(5).forEach(f -> System.out.println("  send failure: " + f));
        return sent;
    }

    private java.util.concurrent.CompletableFuture<String> create(String source, int i, boolean seedServiceNow) {
        String text = texts.get(Math.floorMod(source.hashCode() * 31 + i, texts.size()));
        String subject = text.length() > 60 ? text.substring(0, 60) : text;
        return switch (source) {
            case "zendesk" -> post("http://127.0.0.1:9102/_sim/tickets", Map.of(), Map.of("subject", subject,
                    "description", text, "requester_id", 10_000 + i % 500))
                    .thenApply(body -> body.path("id").asString(body.path("ticket").path("id").asString()));
            case "jira" -> post("http://127.0.0.1:9103/_sim/issues", Map.of(), Map.of("summary", subject,
                    "description", text)).thenApply(body -> body.path("id").asString());
            case "servicenow" -> {
                String sysId = UUID.randomUUID().toString().replace("-", "");
                Instant now = Instant.now();
                Map<String, Object> incident = Map.of("sys_id", sysId, "number", "INC" + (1_000_000 + i),
                        "short_description", subject, "description", text, "contact_type", "email", "caller_id", "",
                        "sys_created_on", GLIDE.format(now), "sys_updated_on", GLIDE.format(now));
                var seeded = seedServiceNow ? post("http://127.0.0.1:9101/_sim/incidents", Map.of(), incident)
                        : java.util.concurrent.CompletableFuture.completedFuture((JsonNode) JSON.createObjectNode());
                yield seeded.thenCompose(ignored -> post(ingestion + "/webhooks/servicenow",
                        Map.of("X-Triage-Webhook-Secret", SERVICENOW_SECRET), incident)).thenApply(body -> sysId);
            }
            default -> throw new IllegalArgumentException("unknown source " + source);
        };
    }

    private java.util.concurrent.CompletableFuture<JsonNode> post(String url, Map<String, String> headers,
            Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        headers.forEach(request::header);
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString()).thenApply(response -> {
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(url + " answered " + response.statusCode() + ": "
                        + response.body().substring(0, Math.min(200, response.body().length())));
            }
            return response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
        });
    }

    private void awaitDecisions(List<Sent> sent, Duration ceiling) throws Exception {
        Instant deadline = Instant.now().plus(ceiling);
        long decided = 0;
        while (Instant.now().isBefore(deadline)) {
            decided = decided(sent);
            if (decided >= sent.size()) {
                return;
            }
            Thread.sleep(1000);
        }
        System.out.printf("only %d of %d tickets decided within %s%n", decided, sent.size(), ceiling);
    }

    private long decided(List<Sent> sent) throws SQLException {
        try (Connection db = DriverManager.getConnection(database)) {
            load(db, sent);
            try (ResultSet rs = db.createStatement().executeQuery("""
                    SELECT count(*) FROM sent s
                      JOIN ingestion.tickets t ON t.source = upper(s.source) AND t.external_id = s.external_id
                      JOIN ingestion.ticket_decisions d ON d.ticket_id = t.id""")) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void load(Connection db, List<Sent> sent) throws SQLException {
        db.createStatement().execute("CREATE TEMP TABLE IF NOT EXISTS sent (source text, external_id text, "
                + "sent_ms bigint)");
        db.createStatement().execute("TRUNCATE sent");
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO sent VALUES (?, ?, ?)")) {
            for (Sent s : sent) {
                insert.setString(1, s.source());
                insert.setString(2, s.externalId());
                insert.setLong(3, s.sentMillis());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private void report(List<Sent> sent) throws SQLException {
        try (Connection db = DriverManager.getConnection(database)) {
            load(db, sent);
            System.out.println();
            System.out.println("| source | tickets | stored | decided | p50 | p95 | p99 | max | received → decided p95 |");
            System.out.println("|---|---|---|---|---|---|---|---|---|");
            try (ResultSet rs = db.createStatement().executeQuery("""
                    WITH j AS (
                      SELECT s.source, t.id AS ticket, d.ticket_id AS decided,
                             extract(epoch FROM d.decided_at) * 1000 - s.sent_ms AS ms,
                             extract(epoch FROM d.decided_at - t.received_at) * 1000 AS inside_ms
                        FROM sent s
                        LEFT JOIN ingestion.tickets t ON t.source = upper(s.source) AND t.external_id = s.external_id
                        LEFT JOIN ingestion.ticket_decisions d ON d.ticket_id = t.id)
                    SELECT source, count(*), count(ticket), count(decided),
                           percentile_cont(0.5) WITHIN GROUP (ORDER BY ms), percentile_cont(0.95) WITHIN GROUP (ORDER BY ms),
                           percentile_cont(0.99) WITHIN GROUP (ORDER BY ms), max(ms),
                           percentile_cont(0.95) WITHIN GROUP (ORDER BY inside_ms)
                      FROM j GROUP BY ROLLUP (source) ORDER BY source NULLS LAST""")) {
                while (rs.next()) {
                    System.out.printf(Locale.ROOT, "| %s | %d | %d | %d | %.0f ms | %.0f ms | %.0f ms | %.0f ms | "
                            + "%.0f ms |%n", rs.getString(1) == null ? "**all**" : rs.getString(1), rs.getLong(2),
                            rs.getLong(3), rs.getLong(4), rs.getDouble(5), rs.getDouble(6), rs.getDouble(7),
                            rs.getDouble(8), rs.getDouble(9));
                }
            }
            try (ResultSet rs = db.createStatement().executeQuery("""
                    SELECT d.routing_method, count(*) FROM sent s
                      JOIN ingestion.tickets t ON t.source = upper(s.source) AND t.external_id = s.external_id
                      JOIN ingestion.ticket_decisions d ON d.ticket_id = t.id
                     GROUP BY 1 ORDER BY 2 DESC""")) {
                List<String> methods = new ArrayList<>();
                while (rs.next()) {
                    methods.add(rs.getString(1) + " " + rs.getLong(2));
                }
                System.out.println();
                System.out.println("decided by: " + String.join(", ", methods));
            }
        }
    }

    // ---------------------------------------------------------------- write-back

    void writebacks(int rate, int seconds, List<String> sources) throws Exception {
        List<Sent> sent = send(rate, seconds, sources, true);
        Duration ceiling = Duration.ofSeconds(Math.max(600, seconds * 10L));
        Instant deadline = Instant.now().plus(ceiling);
        long finished = 0;
        while (Instant.now().isBefore(deadline)) {
            finished = writebacksFinished(sent);
            if (finished >= sent.size()) {
                break;
            }
            Thread.sleep(1000);
        }
        if (finished < sent.size()) {
            System.out.printf("only %d of %d write-backs finished within %s%n", finished, sent.size(), ceiling);
        }
        reportWritebacks(sent);
    }

    /** Tickets whose write-back is done, either way (written, or dead-lettered). */
    private long writebacksFinished(List<Sent> sent) throws SQLException {
        try (Connection db = DriverManager.getConnection(database)) {
            load(db, sent);
            try (ResultSet rs = db.createStatement().executeQuery("""
                    SELECT count(*) FROM sent s
                      JOIN ingestion.tickets t ON t.source = upper(s.source) AND t.external_id = s.external_id
                      JOIN ingestion.writebacks w ON w.ticket_id = t.id
                     WHERE w.state IN ('SUCCEEDED', 'FAILED')""")) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private void reportWritebacks(List<Sent> sent) throws Exception {
        Map<String, long[]> notes = duplicateNotes(sent);
        try (Connection db = DriverManager.getConnection(database)) {
            load(db, sent);
            System.out.println();
            System.out.println("| source | tickets | decided | written | dead-lettered | attempts | p50 | p95 | p99 | max "
                    + "| decided → written p50 / p95 | tickets with one note | with two or more |");
            System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
            try (ResultSet rs = db.createStatement().executeQuery("""
                    WITH j AS (
                      SELECT s.source, d.ticket_id AS decided, w.state, w.attempts,
                             extract(epoch FROM w.completed_at) * 1000 - s.sent_ms AS ms,
                             extract(epoch FROM w.completed_at - d.decided_at) * 1000 AS write_ms
                        FROM sent s
                        LEFT JOIN ingestion.tickets t ON t.source = upper(s.source) AND t.external_id = s.external_id
                        LEFT JOIN ingestion.ticket_decisions d ON d.ticket_id = t.id
                        LEFT JOIN ingestion.writebacks w ON w.ticket_id = t.id)
                    SELECT source, count(*), count(decided), count(*) FILTER (WHERE state = 'SUCCEEDED'),
                           count(*) FILTER (WHERE state = 'FAILED'), coalesce(sum(attempts), 0),
                           percentile_cont(0.5) WITHIN GROUP (ORDER BY ms) FILTER (WHERE state = 'SUCCEEDED'),
                           percentile_cont(0.95) WITHIN GROUP (ORDER BY ms) FILTER (WHERE state = 'SUCCEEDED'),
                           percentile_cont(0.99) WITHIN GROUP (ORDER BY ms) FILTER (WHERE state = 'SUCCEEDED'),
                           max(ms) FILTER (WHERE state = 'SUCCEEDED'),
                           percentile_cont(0.5) WITHIN GROUP (ORDER BY write_ms) FILTER (WHERE state = 'SUCCEEDED'),
                           percentile_cont(0.95) WITHIN GROUP (ORDER BY write_ms) FILTER (WHERE state = 'SUCCEEDED')
                      FROM j GROUP BY ROLLUP (source) ORDER BY source NULLS LAST""")) {
                while (rs.next()) {
                    String source = rs.getString(1);
                    long[] counted = source == null
                            ? notes.values().stream().reduce(new long[2], (a, b) -> new long[] {a[0] + b[0], a[1] + b[1]})
                            : notes.getOrDefault(source, new long[2]);
                    System.out.printf(Locale.ROOT, "| %s | %d | %d | %d | %d | %d | %.0f ms | %.0f ms | %.0f ms | "
                            + "%.0f ms | %.0f / %.0f ms | %d | %d |%n", source == null ? "**all**" : source,
                            rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6),
                            rs.getDouble(7), rs.getDouble(8), rs.getDouble(9), rs.getDouble(10), rs.getDouble(11),
                            rs.getDouble(12), counted[0], counted[1]);
                }
            }
        }
    }

    /** Per source: tickets whose notes in the simulator hold our marker once, and twice or more (must be none). */
    private Map<String, long[]> duplicateNotes(List<Sent> sent) throws Exception {
        Map<String, long[]> counts = new ConcurrentHashMap<>();
        java.util.concurrent.Semaphore inFlight = new java.util.concurrent.Semaphore(16);
        List<java.util.concurrent.CompletableFuture<Void>> reads = new ArrayList<>();
        for (Sent s : sent) {
            inFlight.acquire();
            String url = switch (s.source()) {
                case "servicenow" -> "http://127.0.0.1:9101/_sim/incidents/" + s.externalId() + "/journal";
                case "zendesk" -> "http://127.0.0.1:9102/_sim/tickets/" + s.externalId();
                case "jira" -> "http://127.0.0.1:9103/_sim/issues/" + s.externalId();
                default -> throw new IllegalArgumentException(s.source());
            };
            reads.add(http.sendAsync(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).thenAccept(response -> {
                        // One note per journal entry (ServiceNow) or comment (Zendesk, Jira); a note may hold the
                        // marker more than once (Zendesk's body, html_body and plain_body).
                        JsonNode body = JSON.readTree(response.body());
                        JsonNode notes = body.has("comments") ? body.get("comments") : body.path("result");
                        int markers = 0;
                        for (JsonNode note : notes) {
                            if (note.toString().contains("[triage:")) {
                                markers++;
                            }
                        }
                        long[] c = counts.computeIfAbsent(s.source(), k -> new long[2]);
                        synchronized (c) {
                            if (markers == 1) {
                                c[0]++;
                            } else if (markers > 1) {
                                c[1]++;
                            }
                        }
                    }).whenComplete((v, e) -> inFlight.release()));
        }
        java.util.concurrent.CompletableFuture.allOf(reads.toArray(java.util.concurrent.CompletableFuture[]::new))
                .join();
        return counts;
    }

    // ---------------------------------------------------------------- pulls

    void seedServiceNow(int count) throws Exception {
        long start = System.nanoTime();
        AtomicInteger failed = new AtomicInteger();
        java.util.concurrent.Semaphore inFlight = new java.util.concurrent.Semaphore(16);
        CountDownLatch done = new CountDownLatch(count);
        Random random = new Random(17);
        String[] channels = {"email", "phone", "self-service", "chat", "walk-in"};
        for (int i = 0; i < count; i++) {
            inFlight.acquire();
            String text = texts.get(random.nextInt(texts.size()));
            post("http://127.0.0.1:9101/_sim/incidents", Map.of(), Map.of(
                    "short_description", text.length() > 60 ? text.substring(0, 60) : text, "description", text,
                    "contact_type", channels[i % channels.length])).whenComplete((body, failure) -> {
                        if (failure != null) {
                            failed.incrementAndGet();
                        }
                        inFlight.release();
                        done.countDown();
                    });
        }
        done.await();
        System.out.printf("seeded %d incidents in the ServiceNow simulator in %.1f s (%d failed)%n", count,
                (System.nanoTime() - start) / 1e9, failed.get());
    }

    void pull(String source) throws Exception {
        HttpResponse<String> started = http.send(HttpRequest.newBuilder(URI.create(ingestion + "/sources/" + source
                + "/sync")).header("X-API-Key", OPS_KEY).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        String location = started.headers().firstValue("Location").orElseThrow(
                () -> new IllegalStateException("sync answered " + started.statusCode() + ": " + started.body()));
        JsonNode run;
        while (true) {
            run = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(ingestion + location))
                    .header("X-API-Key", OPS_KEY).GET().build(), HttpResponse.BodyHandlers.ofString()).body());
            if (!run.path("status").asString().equals("RUNNING")) {
                break;
            }
            Thread.sleep(200);
        }
        Duration took = Duration.between(Instant.parse(run.path("startedAt").asString()),
                Instant.parse(run.path("finishedAt").asString()));
        long tickets = run.path("ticketsSeen").asLong();
        System.out.printf(Locale.ROOT, "| %s | %s | %d | %d | %.1f s | %.0f tickets/s |%n", source,
                run.path("status").asString(), run.path("pages").asLong(), tickets, took.toMillis() / 1000.0,
                tickets / Math.max(0.001, took.toMillis() / 1000.0));
        if (!run.path("error").isNull()) {
            System.out.println("error: " + run.path("error"));
        }
    }

    // ---------------------------------------------------------------- the crash run's ledger

    void countServiceNow(int expected, Instant since) throws SQLException {
        try (Connection db = DriverManager.getConnection(database);
                PreparedStatement query = db.prepareStatement("""
                        WITH t AS (SELECT id FROM ingestion.tickets
                                    WHERE source = 'SERVICENOW' AND source_created_at >= ?),
                             logged AS (SELECT c.ticket_id, count(*) AS n FROM classify.decisions c
                                          JOIN t ON t.id::text = c.ticket_id GROUP BY c.ticket_id)
                        SELECT (SELECT count(*) FROM t),
                               (SELECT count(*) FROM ingestion.ticket_decisions d JOIN t ON t.id = d.ticket_id),
                               (SELECT count(*) FROM ingestion.ticket_decisions d JOIN t ON t.id = d.ticket_id
                                 WHERE d.status = 'REFUSED'),
                               (SELECT count(*) FROM logged),
                               (SELECT coalesce(sum(n), 0) FROM logged),
                               (SELECT count(*) FROM logged WHERE n > 1),
                               (SELECT count(*) FROM ingestion.event_publication WHERE completion_date IS NULL)""")) {
            // The simulator writes sys_created_on to the second.
            query.setTimestamp(1, java.sql.Timestamp.from(since.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)));
            ResultSet rs = query.executeQuery();
            rs.next();
            long stored = rs.getLong(1);
            long decided = rs.getLong(2);
            System.out.println("| incidents in the simulator | stored by ingestion | decisions kept with the ticket "
                    + "| of them refused | tickets in classify's decision log | decisions logged | tickets "
                    + "logged twice or more | lost | outbox entries still open |");
            System.out.println("|---|---|---|---|---|---|---|---|---|");
            System.out.printf("| %d | %d | %d | %d | %d | %d | %d | %d | %d |%n", expected, stored, decided,
                    rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6), expected - decided, rs.getLong(7));
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
