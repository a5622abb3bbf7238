package io.triage.ingestion.writeback;

import static io.triage.testsupport.JsonBody.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import io.triage.ingestion.flow.DecisionStored;
import io.triage.ingestion.testing.MappingFixtures;
import io.triage.ingestion.testing.SimulatedSources;
import io.triage.ingestion.ticket.NewTicket;
import io.triage.ingestion.ticket.TicketRepository;
import io.triage.ingestion.ticket.TicketSource;
import io.triage.simulators.SimClock;
import io.triage.simulators.SimJson;
import io.triage.simulators.fault.Fault;
import io.triage.simulators.jira.JiraSettings;
import io.triage.simulators.jira.JiraSimulator;
import io.triage.simulators.servicenow.ServiceNowSettings;
import io.triage.simulators.servicenow.ServiceNowSimulator;
import io.triage.simulators.slack.SlackSimulator;
import io.triage.simulators.zendesk.ZendeskSettings;
import io.triage.simulators.zendesk.ZendeskSimulator;
import io.triage.testsupport.ApiKeys;
import io.triage.testsupport.IsolatedBackingServices;
import io.triage.testsupport.ServiceHttp;
import io.triage.testsupport.stub.StubServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Write-back against the ServiceNow, Zendesk and Jira simulators (real wire formats) and real Postgres: a stored
 * decision's {@link DecisionStored} event (published in its own transaction, as the flow does) writes exactly the
 * planned fields, tags added and one note; transient failures are retried, refusals are not, dead letters are listed
 * and replayed, and no redelivery, crash or duplicate ever adds a second note. Plans come from mappings published
 * through the API ({@link MappingFixtures}, checked against classify-service's stood-in taxonomy): each source's
 * default is published again before every test, and a test publishes its variant as a newer version.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "triage.ingestion.flow.classify=false", "triage.ingestion.flow.index=false",
        "triage.ingestion.writeback.initial-backoff=20ms", "triage.ingestion.writeback.max-backoff=100ms",
        "triage.ingestion.writeback.max-retry-after=5s",
        "triage.ingestion.alerts.check-interval=300ms"})
@IsolatedBackingServices
class WriteBackIT {

    static final String HOOK = "/services/T0001/B0001/writeback";

    static ServiceNowSimulator servicenow;
    static ZendeskSimulator zendesk;
    static JiraSimulator jira;
    static SlackSimulator slack;
    static final StubServer classify = new StubServer();

    @LocalServerPort
    int port;
    @Autowired
    TicketRepository tickets;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    MeterRegistry meters;

    @BeforeAll
    static void startSimulators() {
        servicenow = new ServiceNowSimulator(ServiceNowSettings.defaults(), SimClock.at(Instant.now())).start(0);
        zendesk = new ZendeskSimulator(ZendeskSettings.defaults(), SimClock.at(Instant.now())).start(0);
        jira = new JiraSimulator(JiraSettings.defaults(), SimClock.at(Instant.now())).start(0);
        slack = new SlackSimulator().start(0);
        classify.on("GET", "/taxonomy", MappingFixtures::taxonomy);
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        SimulatedSources.servicenow(registry, servicenow);
        SimulatedSources.zendesk(registry, zendesk);
        SimulatedSources.jira(registry, jira);
        registry.add("triage.ingestion.alerts.slack-webhook-url", () -> slack.baseUri() + HOOK);
        registry.add("spring.http.serviceclient.classify.base-url", classify::baseUrl);
    }

    @AfterAll
    static void stopSimulators() {
        servicenow.close();
        zendesk.close();
        jira.close();
        slack.close();
        classify.close();
    }

    int servicenowMapping;

    @BeforeEach
    void healthySourcesAndTheDefaultMappings() {
        servicenow.faults().clear();
        zendesk.faults().clear();
        jira.faults().clear();
        servicenowMapping = MappingFixtures.publish(http(), "servicenow",
                MappingFixtures.servicenow(MappingFixtures.AUTOMATE));
        MappingFixtures.publish(http(), "zendesk", MappingFixtures.zendesk(MappingFixtures.AUTOMATE));
        MappingFixtures.publish(http(), "jira", MappingFixtures.jira(MappingFixtures.AUTOMATE));
    }

    ServiceHttp http() {
        return ServiceHttp.onPort(port);
    }

    // --- tickets, decisions and their events, as the flow stores them ---

    /** A ticket of {@code source} as ingested, and its decision stored; answers the ticket id. */
    UUID ticket(TicketSource source, String externalId) {
        return tickets.upsert(new NewTicket(source, externalId, "cust-1", "email", "Refund",
                "Charged twice", Instant.now())).ticket().id();
    }

    UUID decide(UUID ticketId) {
        UUID decisionId = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO ticket_decisions (ticket_id, ticket_version, status, decision_id, routing_method,
                                              department, urgency, sentiment, confidence)
                VALUES (:ticket, :version, 'DECIDED', :decision, 'ML', 'Billing', 'High', 'Negative', 0.93)
                ON CONFLICT (ticket_id) DO UPDATE SET decision_id = excluded.decision_id
                """).param("ticket", ticketId).param("version", Timestamp.from(Instant.now()))
                .param("decision", decisionId).update();
        return decisionId;
    }

    void published(UUID ticketId, TicketSource source, UUID decisionId, int times) {
        transaction.executeWithoutResult(status -> {
            for (int i = 0; i < times; i++) {
                events.publishEvent(new DecisionStored(ticketId, source, decisionId));
            }
        });
    }

    UUID decidedAndPublished(UUID ticketId, TicketSource source) {
        UUID decisionId = decide(ticketId);
        published(ticketId, source, decisionId, 1);
        return decisionId;
    }

    JsonNode writeBackOf(UUID ticketId, String state) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> {
            HttpResponse<String> answer = http().get("/tickets/" + ticketId + "/writeback", ApiKeys.OPS);
            return answer.statusCode() == 200 ? tree(answer) : null;
        }, row -> row != null && row.path("state").asString().equals(state));
    }

    // --- what the sources hold ---

    static String marker(UUID decisionId) {
        return "[triage:" + decisionId + "]";
    }

    static long serviceNowNotes(String sysId, UUID decisionId) {
        return servicenow.journal(sysId).stream()
                .filter(e -> e.element().equals("work_notes") && e.value().contains(marker(decisionId))).count();
    }

    static List<JsonNode> zendeskNotes(long id, UUID decisionId) {
        return zendesk.comments(id).stream().filter(c -> c.path("body").asString().contains(marker(decisionId)))
                .toList();
    }

    static List<JsonNode> jiraNotes(String id, UUID decisionId) {
        return jira.comments(id).stream().filter(c -> c.path("body").toString().contains(marker(decisionId)))
                .toList();
    }

    static long zendeskTicket(String tags) {
        return zendesk.createTicket(SimJson.parse("""
                {"subject":"Charged twice","description":"Refund please","priority":"low","tags":%s}""".formatted(tags)))
                .path("id").asLong();
    }

    double total(String source, String outcome) {
        return meters.counter("ingestion_writeback_total", "source", source, "outcome", outcome).count();
    }

    // --- each source receives exactly the plan ---

    @Test
    void serviceNowReceivesThePlannedFieldsAndOneWorkNote() {
        String sysId = servicenow.createIncident(Map.of("short_description", "Charged twice")).get("sys_id");
        UUID ticketId = ticket(TicketSource.SERVICENOW, sysId);
        UUID decisionId = decidedAndPublished(ticketId, TicketSource.SERVICENOW);

        JsonNode row = writeBackOf(ticketId, "SUCCEEDED");
        assertThat(row.path("attempts").asInt()).isEqualTo(1);
        assertThat(row.path("decisionId").asString()).isEqualTo(decisionId.toString());
        assertThat(row.path("level").asString()).isEqualTo("AUTOMATE");
        assertThat(row.path("mappingVersion").asInt()).isEqualTo(servicenowMapping);
        Map<String, String> incident = servicenow.incident(sysId).orElseThrow();
        assertThat(incident).containsEntry("assignment_group", MappingFixtures.SERVICENOW_BILLING_GROUP)
                .containsEntry("urgency", "1").containsEntry("impact", "2");
        assertThat(serviceNowNotes(sysId, decisionId)).isEqualTo(1);
        assertThat(servicenow.journal(sysId)).hasSize(1);
    }

    @Test
    void zendeskReceivesTheFieldsAPrivateNoteAndTagsAddedToItsOwn() {
        long id = zendeskTicket("[\"printer\"]");
        UUID ticketId = ticket(TicketSource.ZENDESK, Long.toString(id));
        UUID decisionId = decidedAndPublished(ticketId, TicketSource.ZENDESK);

        writeBackOf(ticketId, "SUCCEEDED");
        JsonNode stored = zendesk.ticket(id).orElseThrow();
        assertThat(stored.path("priority").asString()).isEqualTo("high");
        assertThat(stored.path("group_id").asLong()).isEqualTo(MappingFixtures.ZENDESK_BILLING_GROUP);
        assertThat(stored.path("tags").toString()).contains("printer", "triage_billing");
        List<JsonNode> notes = zendeskNotes(id, decisionId);
        assertThat(notes).singleElement().satisfies(note -> assertThat(note.path("public").asBoolean()).isFalse());
    }

    @Test
    void jiraReceivesTheFieldsTheTeamLabelsAddedAndOneInternalComment() {
        JsonNode issue = jira.createIssue(SimJson.parse("{\"summary\":\"Charged twice\",\"labels\":[\"billing\"]}"));
        String id = issue.path("id").asString();
        UUID ticketId = ticket(TicketSource.JIRA, id);
        UUID decisionId = decidedAndPublished(ticketId, TicketSource.JIRA);

        writeBackOf(ticketId, "SUCCEEDED");
        JsonNode fields = jira.issue(id).orElseThrow().path("fields");
        assertThat(fields.path("priority").path("name").asString()).isEqualTo("High");
        assertThat(fields.path(jira.settings().teamFieldId()).asString()).isEqualTo(MappingFixtures.JIRA_BILLING_TEAM);
        assertThat(fields.path("labels").toString()).contains("billing", "triaged");
        assertThat(jiraNotes(id, decisionId)).singleElement()
                .satisfies(note -> assertThat(note.path("jsdPublic").asBoolean()).isFalse());
    }

    @Test
    void aSuggestionWritesTheNoteOnly() {
        MappingFixtures.publish(http(), "zendesk", MappingFixtures.zendesk(MappingFixtures.SUGGEST));
        long id = zendeskTicket("[\"printer\"]");
        UUID ticketId = ticket(TicketSource.ZENDESK, Long.toString(id));
        UUID decisionId = decidedAndPublished(ticketId, TicketSource.ZENDESK);

        JsonNode row = writeBackOf(ticketId, "SUCCEEDED");
        assertThat(row.path("level").asString()).isEqualTo("SUGGEST");
        JsonNode stored = zendesk.ticket(id).orElseThrow();
        assertThat(stored.path("priority").asString()).isEqualTo("low");
        assertThat(stored.path("group_id").isNull() || stored.path("group_id").isMissingNode()).isTrue();
        assertThat(stored.path("tags").toString()).isEqualTo("[\"printer\"]");
        assertThat(zendeskNotes(id, decisionId)).hasSize(1);
    }

    // --- retries ---

    @Test
    void twoServerErrorsThenSuccessSucceedOnTheThirdAttemptWithOneNote() {
        long id = zendeskTicket("[]");
        UUID ticketId = ticket(TicketSource.ZENDESK, Long.toString(id));
        zendesk.faults().nextRequests(2, new Fault.ServerError(503));
        UUID decisionId = decidedAndPublished(ticketId, TicketSource.ZENDESK);

        JsonNode row = writeBackOf(ticketId, "SUCCEEDED");
        assertThat(row.path("attempts").asInt()).isEqualTo(3);
        assertThat(row.path("lastStatus").asInt()).as("the last failure is kept").isEqualTo(503);
        assertThat(zendeskNotes(id, decisionId)).hasSize(1);
        assertThat(meters.counter("ingestion_writeback_attempts_total", "source", "zendesk", "status", "503").count())
                .isGreaterThanOrEqualTo(2);
    }

    @Test
    void aRateLimitIsWaitedOutForItsRetryAfter() {
        long id = zendeskTicket("[]");
        UUID ticketId = ticket(TicketSource.ZENDESK, Long.toString(id));
        zendesk.faults().nextRequests(1, new Fault.RateLimited(Duration.ofSeconds(1)));
        long started = System.nanoTime();
        UUID decisionId = decidedAndPublished(ticketId, TicketSource.ZENDESK);

        JsonNode row = writeBackOf(ticketId, "SUCCEEDED");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("Retry-After: 1 honoured")
                .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(row.path("attempts").asInt()).isEqualTo(2);
        assertThat(zendeskNotes(id, decisionId)).hasSize(1);
    }

    @Test
    void aRetryAfterLongerThanTheCapFailsAtOnce() {
        long id = zendeskTicket("[]");
        UUID ticketId = ticket(TicketSource.ZENDESK, Long.toString(id));
        zendesk.faults().nextRequests(1, new Fault.RateLimited(Duration.ofSeconds(120)));
        decidedAndPublished(ticketId, TicketSource.ZENDESK);

        JsonNode row = writeBackOf(ticketId, "FAILED");
        assertThat(row.path("attempts").asInt()).isEqualTo(1);
        assertThat(row.path("lastStatus").asInt()).isEqualTo(429);
        assertThat(row.path("lastError").asString()).contains("Retry-After 120 s");
    }

    // --- refusals ---

    @Test
    void anUnauthorisedWriteBackFailsAtOnceRaisesTheSourceIncidentAndALaterSuccessClosesIt() {
        String id = jira.createIssue(SimJson.parse("{\"summary\":\"VPN drops\"}")).path("id").asString();
        UUID ticketId = ticket(TicketSource.JIRA, id);
        jira.faults().nextRequests(1, new Fault.ExpiredToken());
        UUID decisionId = decidedAndPublished(ticketId, TicketSource.JIRA);

        JsonNode row = writeBackOf(ticketId, "FAILED");
        assertThat(row.path("attempts").asInt()).isEqualTo(1);
        assertThat(row.path("lastStatus").asInt()).isEqualTo(401);
        await().atMost(Duration.ofSeconds(10)).until(() -> slackAbout("jira", "write-back refused") == 1);

        HttpResponse<String> replayed = http().post("/writebacks/" + row.path("id").asString() + "/replay",
                ApiKeys.OPS, "");
        assertThat(replayed.statusCode()).isEqualTo(202);
        writeBackOf(ticketId, "SUCCEEDED");
        await().atMost(Duration.ofSeconds(10)).until(() -> slackAbout("jira", "write-back authorised again") == 1);
        assertThat(slackAbout("jira", "write-back refused")).isEqualTo(1);
        assertThat(jiraNotes(id, decisionId)).hasSize(1);
    }

    static long slackAbout(String source, String text) {
        return slack.messages().stream().filter(m -> m.text() != null && m.text().contains("*" + source + "*")
                && m.text().contains(text)).count();
    }

    @Test
    void aFieldTheSourceRefusesFailsAtOnceNamingIt() {
        // Zendesk refuses the mapped group (deleted since the mapping was published) once: a retry would succeed.
        zendesk.faults().nextRequests(1, new Fault.ClientError(422, "group_id"));
        long zendeskId = zendeskTicket("[]");
        UUID zendeskTicket = ticket(TicketSource.ZENDESK, Long.toString(zendeskId));
        decidedAndPublished(zendeskTicket, TicketSource.ZENDESK);
        MappingFixtures.publish(http(), "jira", MappingFixtures.jiraWithComponents());
        String jiraId = jira.createIssue(SimJson.parse("{\"summary\":\"VPN drops\"}")).path("id").asString();
        UUID jiraTicket = ticket(TicketSource.JIRA, jiraId);
        decidedAndPublished(jiraTicket, TicketSource.JIRA);

        JsonNode unprocessable = writeBackOf(zendeskTicket, "FAILED");
        assertThat(unprocessable.path("attempts").asInt()).isEqualTo(1);
        assertThat(unprocessable.path("lastStatus").asInt()).isEqualTo(422);
        assertThat(unprocessable.path("lastError").asString()).contains("fields: group_id");
        JsonNode bad = writeBackOf(jiraTicket, "FAILED");
        assertThat(bad.path("attempts").asInt()).isEqualTo(1);
        assertThat(bad.path("lastStatus").asInt()).isEqualTo(400);
        assertThat(bad.path("lastError").asString()).contains("fields: components");
        assertThat(zendesk.comments(zendeskId)).as("only the description").hasSize(1);
    }

    // --- dead letters and replay ---

    @Test
    void aDeadLetterIsListedAndAReplayAfterTheFixSucceedsWithOneNote() {
        long id = zendeskTicket("[]");
        UUID ticketId = ticket(TicketSource.ZENDESK, Long.toString(id));
        zendesk.faults().percentage(100, 1, new Fault.ServerError(503));
        UUID decisionId = decidedAndPublished(ticketId, TicketSource.ZENDESK);

        JsonNode dead = writeBackOf(ticketId, "FAILED");
        double deadLetters = meters.get("ingestion_writeback_dead_letters").tag("source", "zendesk").gauge().value();
        assertThat(deadLetters).isGreaterThanOrEqualTo(1);
        assertThat(dead.path("attempts").asInt()).isEqualTo(3);
        assertThat(dead.path("lastError").asString()).startsWith("503");
        String writeBackId = dead.path("id").asString();
        HttpResponse<String> failed = http().get("/writebacks?state=failed&source=zendesk", ApiKeys.OPS);
        assertThat(failed.statusCode()).isEqualTo(200);
        assertThat(tree(failed).findValuesAsString("id")).contains(writeBackId);
        assertThat(tree(http().get("/writebacks?state=succeeded", ApiKeys.OPS)).findValuesAsString("id"))
                .doesNotContain(writeBackId);

        zendesk.faults().clear();
        HttpResponse<String> replayed = http().post("/writebacks/" + writeBackId + "/replay", ApiKeys.ADMIN, "");
        assertThat(replayed.statusCode()).isEqualTo(202);
        assertThat(tree(replayed).path("state").asString()).isIn("PENDING", "SUCCEEDED");

        JsonNode healed = writeBackOf(ticketId, "SUCCEEDED");
        assertThat(healed.path("attempts").asInt()).isEqualTo(4);
        assertThat(meters.get("ingestion_writeback_dead_letters").tag("source", "zendesk").gauge().value())
                .isEqualTo(deadLetters - 1);
        assertThat(zendeskNotes(id, decisionId)).hasSize(1);
        assertThat(http().post("/writebacks/" + writeBackId + "/replay", ApiKeys.OPS, "").statusCode())
                .as("only a dead letter is replayed").isEqualTo(409);
    }

    @Test
    void aReplayUsesTheMappingPublishedNowSoAFixedMappingHealsIt() {
        // A priority name the Jira site does not know: the mapping publishes, the site refuses it (400).
        int unknownPriority = MappingFixtures.publish(http(), "jira", MappingFixtures.jiraWithHighPriority("P2"));
        String id = jira.createIssue(SimJson.parse("{\"summary\":\"Charged twice\"}")).path("id").asString();
        UUID ticketId = ticket(TicketSource.JIRA, id);
        UUID decisionId = decidedAndPublished(ticketId, TicketSource.JIRA);
        JsonNode dead = writeBackOf(ticketId, "FAILED");
        assertThat(dead.path("mappingVersion").asInt()).isEqualTo(unknownPriority);
        assertThat(dead.path("lastError").asString()).contains("fields: priority");

        int fixed = MappingFixtures.publish(http(), "jira", MappingFixtures.jiraWithHighPriority("Highest"));
        assertThat(http().post("/writebacks/" + dead.path("id").asString() + "/replay", ApiKeys.OPS, "")
                .statusCode()).isEqualTo(202);

        JsonNode healed = writeBackOf(ticketId, "SUCCEEDED");
        assertThat(healed.path("mappingVersion").asInt()).isEqualTo(fixed).isGreaterThan(unknownPriority);
        assertThat(jira.issue(id).orElseThrow().path("fields").path("priority").path("name").asString())
                .isEqualTo("Highest");
        assertThat(jiraNotes(id, decisionId)).hasSize(1);
    }

    @Test
    void theApiRefusesUnknownFiltersAndAnswersNotFoundForUnknownWriteBacks() {
        HttpResponse<String> badState = http().get("/writebacks?state=lost", ApiKeys.OPS);
        assertThat(badState.statusCode()).isEqualTo(400);
        assertThat(tree(badState).path("field").asString()).isEqualTo("state");
        HttpResponse<String> badSource = http().get("/writebacks?source=import", ApiKeys.OPS);
        assertThat(badSource.statusCode()).isEqualTo(400);
        assertThat(tree(badSource).path("field").asString()).isEqualTo("source");
        assertThat(http().get("/writebacks?limit=0", ApiKeys.OPS).statusCode()).isEqualTo(400);
        assertThat(http().get("/writebacks/" + UUID.randomUUID(), ApiKeys.OPS).statusCode()).isEqualTo(404);
        assertThat(http().post("/writebacks/" + UUID.randomUUID() + "/replay", ApiKeys.OPS, "").statusCode())
                .isEqualTo(404);
        assertThat(http().get("/writebacks", ApiKeys.CLASSIFIER).statusCode()).isEqualTo(403);
    }

    // --- at least once, one note ---

    @Test
    void aZendeskDeliveryAfterACrashThatWroteTheNoteWritesNoSecondNote() throws Exception {
        long id = zendeskTicket("[]");
        UUID ticketId = ticket(TicketSource.ZENDESK, Long.toString(id));
        UUID decisionId = decide(ticketId);
        // The earlier delivery counted its attempt and wrote the note, then died before recording the outcome.
        crashedAfterOneAttempt(ticketId, decisionId, TicketSource.ZENDESK, Long.toString(id));
        writeZendeskNote(id, "Triage (automate): Billing, urgency High\n" + marker(decisionId));

        published(ticketId, TicketSource.ZENDESK, decisionId, 1);

        JsonNode row = writeBackOf(ticketId, "SUCCEEDED");
        assertThat(row.path("attempts").asInt()).isEqualTo(2);
        assertThat(zendeskNotes(id, decisionId)).hasSize(1);
        assertThat(zendesk.ticket(id).orElseThrow().path("priority").asString()).as("the fields are still set")
                .isEqualTo("high");
    }

    @Test
    void aServiceNowDeliveryAfterACrashThatWroteTheWorkNoteWritesNoSecondOne() throws Exception {
        String sysId = servicenow.createIncident(Map.of("short_description", "Crashed")).get("sys_id");
        UUID ticketId = ticket(TicketSource.SERVICENOW, sysId);
        UUID decisionId = decide(ticketId);
        crashedAfterOneAttempt(ticketId, decisionId, TicketSource.SERVICENOW, sysId);
        writeServiceNowNote(sysId, "Triage (automate): Billing, urgency High\n" + marker(decisionId));

        published(ticketId, TicketSource.SERVICENOW, decisionId, 1);

        JsonNode row = writeBackOf(ticketId, "SUCCEEDED");
        assertThat(row.path("attempts").asInt()).isEqualTo(2);
        assertThat(serviceNowNotes(sysId, decisionId)).isEqualTo(1);
        assertThat(servicenow.incident(sysId).orElseThrow()).containsEntry("urgency", "1");
    }

    void crashedAfterOneAttempt(UUID ticketId, UUID decisionId, TicketSource source, String externalId) {
        jdbc.sql("""
                INSERT INTO writebacks (id, ticket_id, decision_id, source, external_id, level, mapping_version, state,
                                        attempts, plan)
                VALUES (:id, :ticket, :decision, :source, :external, 'AUTOMATE', 1, 'PENDING', 1, '{}')
                """).param("id", UUID.randomUUID()).param("ticket", ticketId).param("decision", decisionId)
                .param("source", source.name()).param("external", externalId).update();
    }

    static void writeServiceNowNote(String sysId, String note) throws Exception {
        String auth = Base64.getEncoder().encodeToString("integration:integration-password"
                .getBytes(StandardCharsets.UTF_8));
        String body = SimJson.object().put("work_notes", note).toString();
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> written = client.send(HttpRequest.newBuilder(
                    URI.create(servicenow.baseUri() + "/api/now/table/incident/" + sysId))
                    .header("Authorization", "Basic " + auth).header("Content-Type", "application/json")
                    .method("PATCH", HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(written.statusCode()).isEqualTo(200);
        }
    }

    static void writeZendeskNote(long id, String note) throws Exception {
        String auth = Base64.getEncoder().encodeToString("agent@example.com/token:sim-zendesk-token"
                .getBytes(StandardCharsets.UTF_8));
        String body = SimJson.object().set("ticket", SimJson.object().set("comment",
                SimJson.object().put("body", note).put("public", false))).toString();
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> written = client.send(HttpRequest.newBuilder(
                    URI.create(zendesk.baseUri() + "/api/v2/tickets/" + id + ".json"))
                    .header("Authorization", "Basic " + auth).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(written.statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aDuplicateDeliveryWritesNothing() {
        String sysId = servicenow.createIncident(Map.of("short_description", "Printer")).get("sys_id");
        UUID ticketId = ticket(TicketSource.SERVICENOW, sysId);
        UUID decisionId = decidedAndPublished(ticketId, TicketSource.SERVICENOW);
        writeBackOf(ticketId, "SUCCEEDED");
        double duplicates = total("servicenow", "duplicate");

        published(ticketId, TicketSource.SERVICENOW, decisionId, 1);

        await().atMost(Duration.ofSeconds(10)).until(() -> total("servicenow", "duplicate") > duplicates);
        assertThat(serviceNowNotes(sysId, decisionId)).isEqualTo(1);
        assertThat(writeBackOf(ticketId, "SUCCEEDED").path("attempts").asInt()).isEqualTo(1);
    }

    @Test
    void duplicateDeliveriesAtOnceWriteOneNote() {
        String id = jira.createIssue(SimJson.parse("{\"summary\":\"Refund\"}")).path("id").asString();
        UUID ticketId = ticket(TicketSource.JIRA, id);
        UUID decisionId = decide(ticketId);

        published(ticketId, TicketSource.JIRA, decisionId, 3);

        writeBackOf(ticketId, "SUCCEEDED");
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                .until(() -> jiraNotes(id, decisionId).size() == 1);
    }

    @Test
    void aSupersededDecisionIsNotWrittenBack() {
        String sysId = servicenow.createIncident(Map.of("short_description", "Old")).get("sys_id");
        UUID ticketId = ticket(TicketSource.SERVICENOW, sysId);
        UUID first = decide(ticketId);
        decide(ticketId);
        double skipped = total("servicenow", "skipped");

        published(ticketId, TicketSource.SERVICENOW, first, 1);

        await().atMost(Duration.ofSeconds(10)).until(() -> total("servicenow", "skipped") > skipped);
        assertThat(http().get("/tickets/" + ticketId + "/writeback", ApiKeys.OPS).statusCode()).isEqualTo(404);
        assertThat(servicenow.journal(sysId)).isEmpty();
    }
}
