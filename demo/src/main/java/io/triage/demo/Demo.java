package io.triage.demo;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Stream;

import io.triage.demo.Suite.Reply;
import io.triage.demo.Wire.CleanTicket;
import io.triage.tickets.PiiSpan;
import io.triage.tickets.PiiType;
import io.triage.tickets.SyntheticTicket;
import io.triage.tickets.TicketGenerator;
import tools.jackson.databind.JsonNode;

/**
 * The demo that {@code ./triage up} (and {@code ./triage demo}) runs against the running suite. Every step is a real
 * call with the local API keys and checks its outcome; the summary lists every step, and any failed step makes the
 * process exit 1, so scripts and CI can rely on it.
 */
public final class Demo {

    static final int CLASSIFY = 8080;
    static final int RULES = 8081;
    static final int EMBEDDING = 8082;
    static final int INGESTION = 8083;
    static final int AUDIT = 8084;
    static final int GDPR = 8085;
    static final int SERVICENOW_SIM = 9101;
    static final int ZENDESK_SIM = 9102;
    static final int JIRA_SIM = 9103;
    /** Structured kinds the sanitiser must always remove; names and places are shown, not required (recall < 1). */
    static final Set<PiiType> STRUCTURED = Set.of(PiiType.EMAIL, PiiType.PHONE, PiiType.CREDIT_CARD, PiiType.IBAN,
            PiiType.US_SSN, PiiType.UK_NINO, PiiType.IP_ADDRESS);
    static final Duration TRAINING_CEILING = Duration.ofMinutes(15);

    private final Suite suite;
    private final Steps steps;
    private final List<SyntheticTicket> tickets = new TicketGenerator(7).generate(40);
    private final List<CleanTicket> stored = new ArrayList<>();
    private final List<String> decisions = new ArrayList<>();

    Demo(Suite suite, Steps steps) {
        this.suite = suite;
        this.steps = steps;
    }

    public static void main(String[] args) {
        String host = System.getProperty("triage.demo.host", "127.0.0.1");
        Steps steps = new Steps(System.out);
        new Demo(new Suite(host), steps).run();
        System.exit(steps.summarise());
    }

    void run() {
        steps.run("every service answers an authenticated request", this::servicesAnswer);
        steps.run("ingestion stores tickets once, sanitised", this::ingest);
        steps.run("tickets arrive from ServiceNow, Zendesk and Jira", this::connectors);
        steps.run("rules-engine matches by rule, first match wins", this::rules);
        if (steps.passed("ingestion stores tickets once, sanitised")) {
            steps.run("embedding-service indexes and finds similar tickets", this::embedAndSearch);
        } else {
            steps.skip("embedding-service indexes and finds similar tickets", "no sanitised tickets to index");
        }
        if (steps.run("classify-service trains a model as a background job", this::train)) {
            steps.run("tickets are classified with tier, confidence and version", this::classify);
        } else {
            steps.skip("tickets are classified with tier, confidence and version", "no model was trained");
        }
        steps.run("decisions are written back to ServiceNow, Zendesk and Jira", this::writeBack);
        steps.run("audit-service verifies the hash chain of every decision", this::verifyAudit);
        if (steps.passed("ingestion stores tickets once, sanitised")) {
            if (steps.run("GDPR erasure of one customer completes", this::erase)) {
                steps.run("no trace of the erased customer in any table, cache key or file", this::scanForTraces);
            } else {
                steps.skip("no trace of the erased customer in any table, cache key or file", "no erasure completed");
            }
        } else {
            steps.skip("GDPR erasure of one customer completes", "no customer data was imported");
        }
    }

    String servicesAnswer() throws Exception {
        String[] names = {"classify-service", "rules-engine", "embedding-service", "ingestion-service",
                "audit-service", "gdpr-service"};
        int[] ports = {CLASSIFY, RULES, EMBEDDING, INGESTION, AUDIT, GDPR};
        for (int i = 0; i < ports.length; i++) {
            Reply docs = suite.get(ports[i], "/v3/api-docs", Suite.OPS).expect(200, names[i] + " GET /v3/api-docs");
            System.out.printf("  %-18s GET /v3/api-docs -> 200 (%d paths documented)%n", names[i],
                    docs.json().get("paths").size());
        }
        Reply anonymous = suite.get(INGESTION, "/tickets", null).expect(401, "GET /tickets without a key");
        System.out.println("  without a key: GET /tickets -> 401 " + Suite.abbreviate(anonymous.body(), 120));
        return "6 services answer; a request without a key gets 401";
    }

    String ingest() throws Exception {
        for (SyntheticTicket t : tickets) {
            stored.add(suite.post(INGESTION, "/tickets", Suite.OPS, newTicket(t))
                    .expect(200, "POST /tickets " + t.ticketId()).as(CleanTicket.class));
        }
        CleanTicket again = suite.post(INGESTION, "/tickets", Suite.OPS, newTicket(tickets.getFirst()))
                .expect(200, "re-sending a ticket").as(CleanTicket.class);
        StepFailed.check(again.ticketId().equals(stored.getFirst().ticketId()),
                "re-sending a ticket stored it again as " + again.ticketId());
        int leaked = 0;
        int names = 0;
        List<String> namesKept = new ArrayList<>();
        for (int i = 0; i < tickets.size(); i++) {
            SyntheticTicket t = tickets.get(i);
            String clean = stored.get(i).text().toLowerCase(Locale.ROOT);
            for (PiiSpan span : t.piiSpans()) {
                boolean kept = clean.contains(t.textOf(span).toLowerCase(Locale.ROOT));
                if (STRUCTURED.contains(span.type())) {
                    leaked += kept ? 1 : 0;
                } else if (span.type() == PiiType.PERSON) {
                    names++;
                    if (kept) {
                        namesKept.add(t.textOf(span) + " (" + t.ticketId() + ")");
                    }
                }
            }
        }
        SyntheticTicket example = tickets.stream().filter(t -> t.piiSpans().size() >= 2).findFirst()
                .orElse(tickets.getFirst());
        CleanTicket exampleClean = stored.get(tickets.indexOf(example));
        System.out.println("  raw (kept inside ingestion only): " + example.subject() + " " + example.description());
        System.out.println("  what the suite sees:              " + exampleClean.text());
        System.out.println("  removed: " + exampleClean.piiTypes());
        System.out.printf("  names: %d of %d labelled names removed; still visible (name recall is below 1): %s%n",
                names - namesKept.size(), names, namesKept.isEmpty() ? "none" : String.join(", ", namesKept));
        StepFailed.check(leaked == 0, leaked + " e-mail/phone/card/IBAN/ID values survived sanitising");
        return tickets.size() + " tickets stored once each; every structured PII value removed; "
                + (names - namesKept.size()) + "/" + names + " names removed";
    }

    /**
     * A ticket created in each simulated ticketing system reaches ingestion-service the way the real system would
     * send it: Zendesk and Jira by signed webhook, ServiceNow by a pull through its Table API (OAuth). Each arrives
     * sanitised: the e-mail address written into it is gone.
     */
    String connectors() throws Exception {
        String email = "maria.lopez@example.org";
        suite.post(ZENDESK_SIM, "/_sim/tickets", null, Map.of("subject", "Refund not received",
                "description", "I returned the order two weeks ago and still have no refund. Write to " + email,
                "priority", "high", "requester_id", 90211)).expect(201, "creating a ticket in the Zendesk simulator");
        suite.post(JIRA_SIM, "/_sim/issues", null, Map.of("summary", "VPN drops every few minutes",
                "description", "Since the update the VPN disconnects constantly. Reach me at " + email))
                .expect(201, "creating an issue in the Jira simulator");
        suite.post(SERVICENOW_SIM, "/_sim/incidents", null, Map.of("short_description", "Cannot log in",
                "description", "My account is locked after the password reset. Contact " + email,
                "contact_type", "email")).expect(201, "creating an incident in the ServiceNow simulator");
        Reply sync = suite.post(INGESTION, "/sources/servicenow/sync", Suite.OPS, "")
                .expect(202, "POST /sources/servicenow/sync");
        System.out.println("  ServiceNow pull started: " + sync.raw().headers().firstValue("Location").orElse("?"));
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        Map<String, Wire.SourcedTicket> arrived = new TreeMap<>();
        while (arrived.size() < 3 && Instant.now().isBefore(deadline)) {
            for (Wire.SourcedTicket t : suite.get(INGESTION, "/tickets?limit=100", Suite.OPS)
                    .expect(200, "GET /tickets").as(Wire.SourcedTicket[].class)) {
                if (Set.of("SERVICENOW", "ZENDESK", "JIRA").contains(t.source())) {
                    arrived.putIfAbsent(t.source(), t);
                }
            }
            Thread.sleep(500);
        }
        for (Wire.SourcedTicket t : arrived.values()) {
            System.out.println("  " + t.source() + " " + t.externalId() + " -> " + Suite.abbreviate(t.text(), 110));
            StepFailed.check(!t.text().toLowerCase(Locale.ROOT).contains(email),
                    t.source() + " ticket " + t.externalId() + " kept the e-mail address");
        }
        StepFailed.check(arrived.size() == 3, "only " + arrived.keySet() + " arrived within 60 s");
        // Each stored ticket flows on by itself (ingestion-service's outbox): classified, decision kept, indexed.
        for (Wire.SourcedTicket t : arrived.values()) {
            Wire.TicketDecision decision = awaitDecision(t);
            StepFailed.check(decision.status().equals("DECIDED"), t.source() + " ticket " + t.externalId()
                    + " was refused by classify-service: " + decision.problem());
            System.out.println("  " + t.source() + " " + t.externalId() + " classified: " + decision.routingMethod()
                    + (decision.department() == null ? " (an agent reviews it)" : " -> " + decision.department()));
            awaitSearchable(t);
        }
        System.out.println("  each is found by POST /search with its own text");
        return "one ticket from each of ServiceNow (pull), Zendesk and Jira (signed webhooks), stored sanitised, "
                + "classified and searchable";
    }

    /**
     * A field mapping is published for each source, one level each: ServiceNow automates (assignment group, urgency
     * and impact set, work note), Zendesk preselects (group and priority set, the note says they are a suggestion),
     * Jira only suggests (an internal comment). A ticket created in each simulator is classified and written back; the
     * fields and the note are then read from the simulator itself.
     */
    String writeBack() throws Exception {
        JsonNode taxonomy = suite.get(CLASSIFY, "/taxonomy", Suite.CLASSIFIER).expect(200, "GET /taxonomy").json();
        List<String> departments = new ArrayList<>();
        taxonomy.path("departments").forEach(d -> departments.add(d.asString()));
        List<String> urgencies = new ArrayList<>();
        taxonomy.path("urgencies").forEach(u -> urgencies.add(u.asString()));
        publishMapping("servicenow", Mappings.yaml("servicenow", "automate", departments, urgencies));
        publishMapping("zendesk", Mappings.yaml("zendesk", "preselect", departments, urgencies));
        publishMapping("jira", Mappings.yaml("jira", "suggest", departments, urgencies));
        System.out.println("  mappings published: servicenow automate, zendesk preselect, jira suggest");

        String text = "I was charged twice for my subscription this month, please refund the duplicate payment";
        String sysId = suite.post(SERVICENOW_SIM, "/_sim/incidents", null, Map.of("short_description",
                "Charged twice", "description", text, "contact_type", "self-service"))
                .expect(201, "creating an incident in the ServiceNow simulator").json().path("result")
                .path("sys_id").asString();
        JsonNode created = suite.post(ZENDESK_SIM, "/_sim/tickets", null, Map.of("subject", "Charged twice",
                "description", text, "priority", "normal", "requester_id", 90212))
                .expect(201, "creating a ticket in the Zendesk simulator").json();
        String zendeskId = created.path("id").asString(created.path("ticket").path("id").asString());
        String jiraId = suite.post(JIRA_SIM, "/_sim/issues", null, Map.of("summary", "Charged twice",
                "description", text)).expect(201, "creating an issue in the Jira simulator").json().path("id")
                .asString();
        suite.post(INGESTION, "/sources/servicenow/sync", Suite.OPS, "").expect(202, "POST /sources/servicenow/sync");

        Map<String, String> externalIds = new TreeMap<>(Map.of("SERVICENOW", sysId, "ZENDESK", zendeskId,
                "JIRA", jiraId));
        for (var source : externalIds.entrySet()) {
            JsonNode writeBack = awaitWriteBack(source.getKey(), source.getValue());
            JsonNode plan = writeBack.path("plan");
            String shown = switch (source.getKey()) {
                case "SERVICENOW" -> {
                    JsonNode incident = Suite.JSON.createObjectNode();
                    for (JsonNode i : suite.get(SERVICENOW_SIM, "/_sim/incidents", null)
                            .expect(200, "GET /_sim/incidents").json().path("result")) {
                        if (i.path("sys_id").asString().equals(sysId)) {
                            incident = i;
                        }
                    }
                    StepFailed.check(incident.has("sys_id"), "incident " + sysId + " is gone from the simulator");
                    String journal = suite.get(SERVICENOW_SIM, "/_sim/incidents/" + sysId + "/journal", null)
                            .expect(200, "GET the incident's journal").body();
                    StepFailed.check(journal.contains(plan.path("marker").asString()),
                            "the incident has no work note from the write-back");
                    yield "assignment_group=" + reference(incident.path("assignment_group")) + " urgency="
                            + incident.path("urgency").asString() + " impact=" + incident.path("impact").asString()
                            + ", one work note";
                }
                case "ZENDESK" -> {
                    JsonNode ticket = suite.get(ZENDESK_SIM, "/_sim/tickets/" + zendeskId, null)
                            .expect(200, "GET the Zendesk ticket").json();
                    StepFailed.check(ticket.path("comments").toString().contains(plan.path("marker").asString()),
                            "the Zendesk ticket has no private comment from the write-back");
                    yield "group_id=" + ticket.path("ticket").path("group_id").asString() + " priority="
                            + ticket.path("ticket").path("priority").asString() + " tags="
                            + ticket.path("ticket").path("tags") + ", one private comment";
                }
                default -> {
                    JsonNode issue = suite.get(JIRA_SIM, "/_sim/issues/" + jiraId, null)
                            .expect(200, "GET the Jira issue").json();
                    StepFailed.check(issue.path("comments").toString().contains(plan.path("marker").asString()),
                            "the Jira issue has no internal comment from the write-back");
                    yield "priority=" + issue.path("issue").path("fields").path("priority").path("name").asString()
                            + " (unchanged: suggest writes a note only), one internal comment";
                }
            };
            System.out.println("  " + source.getKey() + " " + source.getValue() + " " + writeBack.path("level")
                    .asString() + ": " + shown);
            System.out.println("    note: " + Suite.abbreviate(plan.path("note").asString().replace('\n', ' '), 200));
        }
        return "a ticket in each of ServiceNow (automate), Zendesk (preselect) and Jira (suggest) got exactly the "
                + "fields its level promises and one note";
    }

    private void publishMapping(String source, String yaml) throws Exception {
        Reply saved = suite.send(suite.request(INGESTION, "/mappings/" + source, Suite.ADMIN)
                .header("Content-Type", "application/yaml").PUT(java.net.http.HttpRequest.BodyPublishers.ofString(yaml)));
        saved.expect(200, "PUT /mappings/" + source);
        suite.post(INGESTION, "/mappings/" + source + "/publish", Suite.ADMIN, Map.of("reason", "demo"))
                .expect(200, "POST /mappings/" + source + "/publish");
    }

    private JsonNode awaitWriteBack(String source, String externalId) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (true) {
            String ticketId = null;
            for (Wire.SourcedTicket t : suite.get(INGESTION, "/tickets?limit=100", Suite.OPS)
                    .expect(200, "GET /tickets").as(Wire.SourcedTicket[].class)) {
                if (t.source().equals(source) && t.externalId().equals(externalId)) {
                    ticketId = t.ticketId();
                }
            }
            if (ticketId != null) {
                Reply reply = suite.get(INGESTION, "/tickets/" + ticketId + "/writeback", Suite.OPS);
                if (reply.status() == 200) {
                    JsonNode writeBack = reply.json();
                    StepFailed.check(!writeBack.path("state").asString().equals("FAILED"), source + " write-back "
                            + "failed: " + writeBack.path("lastError").asString());
                    if (writeBack.path("state").asString().equals("SUCCEEDED")) {
                        return writeBack;
                    }
                }
            }
            StepFailed.check(Instant.now().isBefore(deadline), source + " ticket " + externalId
                    + " was not written back within 90 s");
            Thread.sleep(300);
        }
    }

    /** A ServiceNow reference as the Table API renders it: {@code {"link","value"}}, or a plain sys_id. */
    private static String reference(JsonNode reference) {
        return reference.isObject() ? reference.path("value").asString() : reference.asString();
    }

    private Wire.TicketDecision awaitDecision(Wire.SourcedTicket t) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (true) {
            Reply reply = suite.get(INGESTION, "/tickets/" + t.ticketId() + "/decision", Suite.OPS);
            if (reply.status() == 200) {
                return reply.as(Wire.TicketDecision.class);
            }
            StepFailed.check(reply.status() == 404 && Instant.now().isBefore(deadline), t.source() + " ticket "
                    + t.externalId() + " has no decision after 60 s: " + reply.status());
            Thread.sleep(300);
        }
    }

    private void awaitSearchable(Wire.SourcedTicket t) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (true) {
            Wire.SearchAnswer found = suite.post(EMBEDDING, "/search", Suite.ANALYST,
                    new Wire.SearchRequest(t.text(), 5)).expect(200, "POST /search").as(Wire.SearchAnswer.class);
            if (found.matches().stream().anyMatch(m -> m.ticketId().equals(t.ticketId()))) {
                return;
            }
            StepFailed.check(Instant.now().isBefore(deadline), t.source() + " ticket " + t.externalId()
                    + " is not searchable after 60 s");
            Thread.sleep(300);
        }
    }

    String rules() throws Exception {
        int matched = 0;
        for (String text : List.of("My account is locked and I cannot log in since this morning",
                "Please send me a copy of last month's invoice", "What are your opening hours?")) {
            Wire.RuleAnswer answer = suite.post(RULES, "/rules/evaluate", Suite.ANALYST,
                    new Wire.RuleRequest("demo", "", text, "email")).expect(200, "POST /rules/evaluate")
                    .as(Wire.RuleAnswer.class);
            matched += answer.matched() ? 1 : 0;
            System.out.println("  \"" + text + "\" -> " + (answer.matched() ? "rule " + answer.ruleId()
                    + ", department " + answer.department() + ", confidence " + answer.confidence() : "no rule"));
        }
        StepFailed.check(matched >= 1, "no rule of the default rule set matched any example");
        return matched + " of 3 example texts matched a rule";
    }

    String embedAndSearch() throws Exception {
        List<Wire.TicketText> texts = new ArrayList<>();
        for (int i = 0; i < tickets.size(); i++) {
            SyntheticTicket t = tickets.get(i);
            texts.add(new Wire.TicketText(t.ticketId(), t.customerId(), stored.get(i).text(), Instant.now(),
                    t.department(), t.urgency(), t.sentiment()));
        }
        Reply embedded = suite.post(EMBEDDING, "/embeddings", Suite.OPS, new Wire.EmbedRequest(texts));
        StepFailed.check(embedded.status() / 100 == 2, "POST /embeddings answered " + embedded.status() + ": "
                + Suite.abbreviate(embedded.body(), 300));
        System.out.println("  POST /embeddings (" + texts.size() + " sanitised tickets) -> " + embedded.status());
        String query = "i was charged twice for the same order";
        Wire.SearchAnswer found = suite.post(EMBEDDING, "/search", Suite.ANALYST, new Wire.SearchRequest(query, 3))
                .expect(200, "POST /search").as(Wire.SearchAnswer.class);
        StepFailed.check(!found.matches().isEmpty(), "POST /search found nothing after indexing " + texts.size());
        for (Wire.Match match : found.matches()) {
            System.out.printf("  \"%s\" ~ %s (%s) similarity %.3f%n", query, match.ticketId(),
                    match.metadata() == null ? "?" : match.metadata().department(), match.similarity());
        }
        return texts.size() + " tickets indexed with " + found.model() + "; search returns " + found.matches().size();
    }

    String train() throws Exception {
        StringBuilder training = new StringBuilder();
        for (SyntheticTicket t : new TicketGenerator(11).generate(2000)) {
            training.append(Suite.JSON.writeValueAsString(new TrainingExample(t.subject() + " " + t.description(),
                    t.department(), t.urgency(), t.sentiment()))).append('\n');
        }
        Reply accepted = suite.postRaw(CLASSIFY, "/models/train", Suite.ANALYST, "application/x-ndjson",
                training.toString()).expect(202, "POST /models/train");
        String location = accepted.raw().headers().firstValue("Location")
                .orElseThrow(() -> new StepFailed("POST /models/train answered 202 without a Location"));
        System.out.println("  POST /models/train (2,000 tickets) -> 202, job " + location);
        Wire.TrainingJob job = awaitJob(location);
        StepFailed.check(job.state().equals("SUCCEEDED"), "training job " + job.id() + " " + job.state() + ": "
                + (job.error() == null ? "no reason given" : job.error().detail()));
        Wire.TrainingSummary result = job.result();
        System.out.printf("  job %s SUCCEEDED: version %d, macro-F1 %.3f, stage %s (%s)%n", job.id(),
                result.version(), result.macroF1(), result.stage(), result.decision());
        StepFailed.check(result.stage().equals("STAGING"), "the new version went to " + result.stage()
                + ", not STAGING: " + result.decision());
        Wire.ModelVersion promoted = suite.post(CLASSIFY, "/models/" + result.version() + "/promote", Suite.ANALYST,
                "").expect(200, "POST /models/" + result.version() + "/promote").as(Wire.ModelVersion.class);
        StepFailed.check(promoted.stage().equals("PRODUCTION"), "promotion left the version in " + promoted.stage());
        System.out.println("  POST /models/" + result.version() + "/promote -> " + promoted.stage());
        return String.format(Locale.ROOT, "version %d trained (macro-F1 %.3f) and promoted to production",
                result.version(), result.macroF1());
    }

    /** Polls the job, printing each new stage and progress, until it ends or the ceiling passes. */
    Wire.TrainingJob awaitJob(String location) throws Exception {
        Instant deadline = Instant.now().plus(TRAINING_CEILING);
        String shown = "";
        while (Instant.now().isBefore(deadline)) {
            Wire.TrainingJob job = suite.get(CLASSIFY, location, Suite.ANALYST).expect(200, "GET " + location)
                    .as(Wire.TrainingJob.class);
            String line = job.state() + " " + job.stage() + (job.progress().total() > 0
                    ? " " + job.progress().done() + "/" + job.progress().total() : "");
            if (!line.equals(shown)) {
                System.out.println("    " + line);
                shown = line;
            }
            if (job.state().equals("SUCCEEDED") || job.state().equals("FAILED")) {
                return job;
            }
            Thread.sleep(1000);
        }
        throw new StepFailed("training job " + location + " did not end within " + TRAINING_CEILING.toMinutes()
                + " minutes");
    }

    String classify() throws Exception {
        int byModel = 0;
        for (SyntheticTicket t : new TicketGenerator(99).generate(4)) {
            Wire.Decision decision = suite.post(CLASSIFY, "/classify", Suite.CLASSIFIER,
                    new Wire.ClassifyRequest(t.ticketId(), t.subject(), t.description(), t.channel(), t.customerId(),
                            "api")).expect(200, "POST /classify").as(Wire.Decision.class);
            StepFailed.check(decision.routingMethod() != null, "a decision without routingMethod");
            decisions.add(decision.decisionId());
            byModel += decision.modelVersion() != null ? 1 : 0;
            System.out.println("  " + Suite.abbreviate(t.subject(), 60) + " (truth: " + t.department() + ")\n    -> "
                    + decision.routingMethod() + " " + (decision.department() == null ? "needs review"
                    : decision.department().label() + String.format(Locale.ROOT, " (%.2f)",
                    decision.department().confidence())));
        }
        return decisions.size() + " tickets classified; " + byModel + " answers name the model version";
    }

    String verifyAudit() throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        Wire.Verification report;
        do {
            report = suite.get(AUDIT, "/audit/verify", Suite.COMPLIANCE).expect(200, "GET /audit/verify")
                    .as(Wire.Verification.class);
            StepFailed.check(report.valid(), "the audit chain does not verify");
            if (report.eventsChecked() >= decisions.size()) {
                break;
            }
            Thread.sleep(500);
        } while (Instant.now().isBefore(deadline));
        StepFailed.check(report.eventsChecked() >= decisions.size(), "audit holds " + report.eventsChecked()
                + " events, fewer than the " + decisions.size() + " decisions made");
        return "chain valid over " + report.eventsChecked() + " events";
    }

    String erase() throws Exception {
        String customer = tickets.getFirst().customerId();
        Wire.Erasure accepted = suite.post(GDPR, "/gdpr/delete-customer-data", Suite.COMPLIANCE,
                new Wire.ErasureRequest(customer, "demo")).as(Wire.Erasure.class);
        StepFailed.check(accepted.id() != null, "POST /gdpr/delete-customer-data gave no request id");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        Wire.Erasure status = accepted;
        while (!"COMPLETED".equals(status.status()) && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
            status = suite.get(GDPR, "/gdpr/requests/" + accepted.id(), Suite.COMPLIANCE)
                    .expect(200, "GET /gdpr/requests/" + accepted.id()).as(Wire.Erasure.class);
        }
        StepFailed.check("COMPLETED".equals(status.status()), "erasure " + accepted.id() + " is still "
                + status.status() + " after 60 s");
        for (Wire.Receipt receipt : status.receipts()) {
            System.out.println("  receipt: " + receipt.store() + " " + receipt.state() + ", deleted "
                    + receipt.deletedRecords() + " records " + (receipt.details() == null ? "" : receipt.details()));
        }
        String verified = verifyCertificate(accepted.id());
        return "request " + accepted.id() + " COMPLETED with " + status.receipts().size() + " store receipts; "
                + verified;
    }

    /**
     * The signed certificate of a completed erasure, checked as a user would: saved with the published keys and
     * verified by gdpr-service's JDK-only {@code CertificateVerifier} source file, run by the same JDK.
     */
    private String verifyCertificate(String requestId) throws Exception {
        Reply certificate = suite.get(GDPR, "/gdpr/requests/" + requestId + "/certificate", Suite.COMPLIANCE)
                .expect(200, "GET /gdpr/requests/" + requestId + "/certificate");
        Reply keys = suite.get(GDPR, "/gdpr/certificate-keys", Suite.COMPLIANCE)
                .expect(200, "GET /gdpr/certificate-keys");
        Path directory = Files.createDirectories(Path.of(System.getProperty("triage.demo.data-dir", "var"), "demo"));
        Path certificateFile = Files.writeString(directory.resolve("erasure-certificate.json"), certificate.body());
        Path keysFile = Files.writeString(directory.resolve("certificate-keys.json"), keys.body());
        System.out.println("  certificate: " + Suite.abbreviate(certificate.body(), 400));
        Path verifier = Path.of("gdpr-service/src/main/java/io/triage/gdpr/certificate/verifier",
                "CertificateVerifier.java");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process run = new ProcessBuilder(java, verifier.toString(), certificateFile.toString(), keysFile.toString())
                .redirectErrorStream(true).start();
        String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        int exit = run.waitFor();
        System.out.println("  java " + verifier.getFileName() + " " + certificateFile + " " + keysFile + " -> "
                + output);
        StepFailed.check(exit == 0, "the erasure certificate does not verify: " + output);
        return "its Ed25519 certificate verifies (" + certificateFile + ")";
    }

    /**
     * After the erasure: the customer's id, its tickets' ids (ingestion's and the source's) and their texts (raw and
     * sanitised) are looked for in every table of the suite's database, every Redis key and value, and every file of
     * the suite's data directory; none may be found. The audit chain still verifies. Strings another customer's
     * tickets share (a source id reused by the classify step, a templated text) are not looked for.
     */
    String scanForTraces() throws Exception {
        String customer = tickets.getFirst().customerId();
        List<String> needles = new ArrayList<>(List.of(customer));
        Set<String> elsewhere = new HashSet<>();
        for (int i = 0; i < tickets.size(); i++) {
            SyntheticTicket t = tickets.get(i);
            if (!t.customerId().equals(customer)) {
                elsewhere.addAll(List.of(t.ticketId(), stored.get(i).ticketId(), stored.get(i).text(),
                        t.description()));
            }
        }
        new TicketGenerator(99).generate(4).forEach(t -> elsewhere.add(t.ticketId()));
        for (int i = 0; i < tickets.size(); i++) {
            SyntheticTicket t = tickets.get(i);
            if (t.customerId().equals(customer)) {
                Stream.of(t.ticketId(), stored.get(i).ticketId(), stored.get(i).text(), t.description())
                        .filter(needle -> !elsewhere.contains(needle)).forEach(needles::add);
            }
        }
        TraceScan scan = new TraceScan(needles);
        String jdbcUrl = System.getProperty("triage.demo.jdbc-url", "jdbc:postgresql://" + suite.host()
                + ":5432/triage");
        String redisUri = System.getProperty("triage.demo.redis-uri", "redis://" + suite.host() + ":6379");
        Path data = Path.of(System.getProperty("triage.demo.data-dir", "var"));
        // Not stores the erasure reaches: logs (their retention applies), the launcher's jars and class paths, and
        // the embedded database's own files (scanned through SQL above).
        Predicate<Path> notAStore = file -> {
            String relative = data.relativize(file).toString();
            return relative.startsWith("logs") || relative.startsWith("run") || relative.startsWith("embedded")
                    || relative.endsWith(".classpath");
        };
        // What follows a completed request settles within seconds (ingestion releasing the ticket ids it kept for a
        // replay, an outbox relaying its last event): scanned again for up to 15 s before a trace counts.
        Instant settled = Instant.now().plus(Duration.ofSeconds(15));
        List<TraceScan.Trace> traces = new ArrayList<>();
        do {
            if (!traces.isEmpty()) {
                Thread.sleep(1000);
                traces.clear();
            }
            traces.addAll(scan.database(jdbcUrl, System.getProperty("triage.demo.jdbc-user", "postgres")));
            traces.addAll(scan.redis(redisUri));
            traces.addAll(scan.files(data, notAStore));
        } while (!traces.isEmpty() && Instant.now().isBefore(settled));
        List<TraceScan.Trace> inLogs = scan.files(data.resolve("logs"),
                file -> file.getFileName().toString().equals("demo.log"));
        for (TraceScan.Trace trace : traces) {
            System.out.println("  TRACE " + trace.where() + ": " + trace.count());
        }
        System.out.println("  looked for " + needles.size() + " strings (customer id, " + (needles.size() - 1)
                + " ticket ids and texts); service logs mentioning them: " + (inLogs.isEmpty() ? "none"
                : inLogs.stream().map(TraceScan.Trace::where).toList()));
        StepFailed.check(traces.isEmpty(), traces.size() + " places still hold a trace of " + customer);
        Wire.Verification report = suite.get(AUDIT, "/audit/verify", Suite.COMPLIANCE)
                .expect(200, "GET /audit/verify").as(Wire.Verification.class);
        StepFailed.check(report.valid(), "the audit chain no longer verifies after the erasure");
        return "no trace in any table, Redis key or data file; audit chain still valid over " + report.eventsChecked()
                + " events";
    }

    static Wire.NewTicket newTicket(SyntheticTicket t) {
        return new Wire.NewTicket("IMPORT", t.ticketId(), t.customerId(), t.channel(), t.subject(), t.description(),
                Instant.now());
    }

    /** One line of the JSON Lines training file. */
    record TrainingExample(String text, String department, String urgency, String sentiment) {
    }
}
