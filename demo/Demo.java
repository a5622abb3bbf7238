import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.triage.tickets.SyntheticTicket;
import io.triage.tickets.TicketGenerator;

/**
 * The demo that {@code ./triage up} runs against the freshly started suite (source-launched:
 * {@code java -cp <ticket-generator classpath> demo/Demo.java}). Each step is a real call with the local API keys;
 * steps for features a service does not offer yet are skipped with a note.
 */
public class Demo {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final String[][] SERVICES = {{"classify-service", "8080"}, {"rules-engine", "8081"},
            {"embedding-service", "8082"}, {"ingestion-service", "8083"}, {"audit-service", "8084"},
            {"gdpr-service", "8085"}};

    public static void main(String[] args) throws Exception {
        System.out.println("\n== demo: every service answers an authenticated request");
        for (String[] service : SERVICES) {
            HttpResponse<String> docs = get(service[1], "/v3/api-docs", "local-ops-key");
            System.out.printf("  %-18s GET /v3/api-docs -> %d (%d operations documented)%n", service[0],
                    docs.statusCode(), count(docs.body(), "\"operationId\""));
        }
        HttpResponse<String> anonymous = get("8083", "/tickets", null);
        System.out.println("  without a key: GET /tickets -> " + anonymous.statusCode() + " " + anonymous.body());

        System.out.println("\n== demo: import synthetic tickets into ingestion-service (idempotent upsert)");
        List<SyntheticTicket> tickets = new TicketGenerator(7).generate(40);
        int imported = 0;
        String sanitisedExample = null;
        StringBuilder embeddings = new StringBuilder();
        for (SyntheticTicket t : tickets) {
            HttpResponse<String> stored = post("8083", "/tickets", "local-ops-key", ingestionJson(t));
            imported += stored.statusCode() == 200 ? 1 : 0;
            if (stored.statusCode() == 200) {
                embeddings.append(embeddings.isEmpty() ? "" : ",").append("{\"ticketId\":").append(quote(t.ticketId()))
                        .append(",\"customerId\":").append(quote(t.customerId())).append(",\"text\":")
                        .append(field(stored.body(), "text")).append(",\"createdAt\":\"").append(Instant.now())
                        .append("\",\"department\":").append(quote(t.department())).append(",\"urgency\":")
                        .append(quote(t.urgency())).append(",\"sentiment\":").append(quote(t.sentiment())).append('}');
            }
            if (sanitisedExample == null && t.piiSpans().size() >= 2) {
                sanitisedExample = "  raw (kept inside ingestion only): " + t.description() + "\n  what the suite sees: "
                        + field(stored.body(), "text") + "\n  removed: " + field(stored.body(), "piiTypes");
            }
        }
        int again = post("8083", "/tickets", "local-ops-key", ingestionJson(tickets.getFirst())).statusCode();
        System.out.println("  imported " + imported + "/" + tickets.size() + " tickets; re-sending one -> " + again
                + " (stored once)");
        if (sanitisedExample != null) {
            System.out.println(sanitisedExample);
        }
        SyntheticTicket sample = tickets.get(3);
        System.out.println("  e.g. [" + sample.department() + "/" + sample.urgency() + "/" + sample.sentiment() + "] "
                + sample.subject());

        System.out.println("\n== demo: rules-engine (YAML rules compiled into automata, first match wins)");
        for (String text : List.of("My account is locked and I cannot log in since this morning",
                "Please send me a copy of last month's invoice", "What are your opening hours?")) {
            HttpResponse<String> match = post("8081", "/rules/evaluate", "local-classifier-key",
                    "{\"ticketId\":\"demo\",\"subject\":\"\",\"description\":" + quote(text) + ",\"channel\":\"email\"}");
            System.out.println("  \"" + text + "\" -> rule " + field(match.body(), "ruleId") + ", department "
                    + field(match.body(), "department") + ", confidence " + number(match.body(), "confidence"));
        }

        System.out.println("\n== demo: embedding-service (MiniLM in-process, Lucene HNSW)");
        HttpResponse<String> embedded = post("8082", "/embeddings", "local-ops-key",
                "{\"tickets\":[" + embeddings + "]}");
        System.out.println("  POST /embeddings (" + imported + " sanitised tickets) -> " + embedded.statusCode());
        HttpResponse<String> similar = post("8082", "/search", "local-classifier-key",
                "{\"text\":\"i was charged twice for the same order\",\"k\":3}");
        System.out.println("  POST /search \"i was charged twice for the same order\" -> " + similar.statusCode() + " "
                + abbreviate(similar.body(), 300));

        System.out.println("\n== demo: classify-service trains a model on generated tickets, promotes it, classifies");
        StringBuilder training = new StringBuilder();
        for (SyntheticTicket t : new TicketGenerator(11).generate(2000)) {
            training.append("{\"text\":").append(quote(t.subject() + " " + t.description())).append(",\"department\":")
                    .append(quote(t.department())).append(",\"urgency\":").append(quote(t.urgency()))
                    .append(",\"sentiment\":").append(quote(t.sentiment())).append("}\n");
        }
        HttpResponse<String> trained = send(request("8080", "/models/train", "local-analyst-key")
                .header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(training.toString())));
        String version = number(trained.body(), "version");
        System.out.println("  POST /models/train (2,000 tickets) -> " + trained.statusCode() + ": version " + version
                + ", macro-F1 " + number(trained.body(), "macroF1") + ", stage " + field(trained.body(), "stage"));
        HttpResponse<String> promoted = post("8080", "/models/" + version + "/promote", "local-analyst-key", "");
        System.out.println("  POST /models/" + version + "/promote -> " + promoted.statusCode() + " "
                + field(promoted.body(), "stage"));
        for (SyntheticTicket t : new TicketGenerator(99).generate(4)) {
            HttpResponse<String> decision = post("8080", "/classify", "local-classifier-key",
                    "{\"ticketId\":" + quote(t.ticketId()) + ",\"subject\":" + quote(t.subject()) + ",\"description\":"
                            + quote(t.description()) + ",\"channel\":" + quote(t.channel()) + ",\"customerId\":"
                            + quote(t.customerId()) + ",\"sourceSystem\":\"api\"}");
            System.out.println("  " + abbreviate(t.subject(), 60) + " (truth: " + t.department() + ")\n    -> "
                    + decision.statusCode() + " " + field(decision.body(), "routingMethod") + " "
                    + abbreviate(field(decision.body(), "department"), 120));
        }

        System.out.println("\n== demo: audit-service verifies the hash chain of every decision");
        Thread.sleep(2000);
        System.out.println("  GET /audit/verify -> " + abbreviate(get("8084", "/audit/verify", "local-compliance-key").body(), 300));

        System.out.println("\n== demo: GDPR erasure of one customer, delivered to ingestion-service at least once");
        String customer = tickets.getFirst().customerId();
        HttpResponse<String> accepted = post("8085", "/gdpr/delete-customer-data", "local-compliance-key",
                "{\"customerId\":\"" + customer + "\",\"reason\":\"demo\"}");
        Matcher id = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"").matcher(accepted.body());
        System.out.println("  POST /gdpr/delete-customer-data -> " + accepted.statusCode());
        if (id.find()) {
            String status = "";
            for (int i = 0; i < 30 && !status.contains("COMPLETED"); i++) {
                Thread.sleep(500);
                status = get("8085", "/gdpr/requests/" + id.group(1), "local-compliance-key").body();
            }
            System.out.println("  GET /gdpr/requests/" + id.group(1) + " -> " + status);
        }
    }

    static String ingestionJson(SyntheticTicket t) {
        return "{\"source\":\"IMPORT\",\"externalId\":" + quote(t.ticketId()) + ",\"customerId\":"
                + quote(t.customerId()) + ",\"channel\":" + quote(t.channel()) + ",\"subject\":" + quote(t.subject())
                + ",\"description\":" + quote(t.description()) + ",\"sourceUpdatedAt\":\"" + Instant.now() + "\"}";
    }

    static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** The raw JSON value of a field (string, flat array or flat object), enough for printing. */
    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":(\"(?:[^\"\\\\]|\\\\.)*\"|\\[[^\\]]*\\]|\\{[^{}]*\\}|null)")
                .matcher(json);
        return m.find() ? m.group(1) : "?";
    }

    /** A numeric top-level field, as text. */
    static String number(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":(-?[0-9.eE+-]+)").matcher(json);
        return m.find() ? m.group(1) : "?";
    }

    static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "…";
    }

    static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

    static HttpResponse<String> get(String port, String path, String key) throws Exception {
        return send(request(port, path, key).GET());
    }

    static HttpResponse<String> post(String port, String path, String key, String json) throws Exception {
        return send(request(port, path, key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    static HttpRequest.Builder request(String port, String path, String key) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30));
        return key == null ? b : b.header("X-API-Key", key);
    }

    static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
