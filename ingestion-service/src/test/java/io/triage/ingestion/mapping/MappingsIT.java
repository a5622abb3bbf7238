package io.triage.ingestion.mapping;

import static io.triage.testsupport.JsonBody.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.micrometer.core.instrument.MeterRegistry;
import io.triage.ingestion.flow.TicketDecisions;
import io.triage.ingestion.ticket.TicketRepository;
import io.triage.testsupport.ApiKeys;
import io.triage.testsupport.IsolatedBackingServices;
import io.triage.testsupport.ServiceHttp;
import io.triage.testsupport.stub.StubFailure;
import io.triage.testsupport.stub.StubReply;
import io.triage.testsupport.stub.StubRequest;
import io.triage.testsupport.stub.StubServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Field mappings through the API with real Postgres: draft, publish (refused when invalid), history, rollback, who may
 * write, and the dry run of each level on decisions stored the way the ticket flow stores them (classify-service and
 * embedding-service stood in, speaking their wire formats).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "triage.ingestion.flow.redeliver-after=1s",
        "triage.ingestion.flow.redelivery-interval=PT1S",
        "triage.platform.resilience.max-attempts=1",
        "triage.platform.resilience.open-state-wait=1s",
        "triage.ingestion.mappings.refresh-interval=1s"})
@IsolatedBackingServices
class MappingsIT {

    static final StubServer classify = new StubServer();
    static final StubServer embedding = new StubServer();

    static final String ZENDESK = """
            levels:
              default: suggest
              departments:
                Billing: automate
                Security: preselect
            departments:
              Billing: {group_id: 360001}
              Security: {group_id: 360002}
            urgencies:
              Critical: {priority: urgent}
              High: {priority: high}
              Medium: {priority: normal}
              Low: {priority: low}
            review: {tags: [triage_review]}
            tags: [auto_triaged]
            """;

    @LocalServerPort
    int port;

    @Autowired
    WriteBackPlanner planner;

    @Autowired
    TicketRepository tickets;

    @Autowired
    TicketDecisions decisions;

    @Autowired
    MeterRegistry meters;

    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void downstreams(DynamicPropertyRegistry registry) {
        registry.add("spring.http.serviceclient.classify.base-url", classify::baseUrl);
        registry.add("spring.http.serviceclient.embedding.base-url", embedding::baseUrl);
    }

    @AfterAll
    static void stop() {
        classify.close();
        embedding.close();
    }

    @BeforeEach
    void answerNormally() {
        classify.reset();
        embedding.reset();
        classify.on("GET", "/taxonomy", request -> StubReply.json("""
                {"departments":["Billing","Security","Technical"],"urgencies":["Critical","High","Medium","Low"],
                 "sentiments":["Negative","Neutral","Positive"],"channels":["email","phone","chat","web","social"],
                 "origins":{"department":"configuration"}}
                """));
        classify.on("POST", "/classify", MappingsIT::decision);
        embedding.on("POST", "/embeddings", request -> StubReply.json("{\"embedded\":1,\"unchanged\":0}"));
    }

    /** classify-service's answer: the department the (lower-cased, sanitised) text names, or a review. */
    static StubReply decision(StubRequest request) {
        JsonNode ticket = tree(request.bodyText());
        String text = ticket.path("description").asString();
        UUID decisionId = UUID.nameUUIDFromBytes(String.valueOf(request.header("Idempotency-Key"))
                .getBytes(StandardCharsets.UTF_8));
        if (text.contains("unsure")) {
            return StubReply.json("""
                    {"decisionId":"%s","ticketId":"%s","routingMethod":"NEEDS_REVIEW","department":null,
                     "urgency":null,"sentiment":null,"alternatives":[],
                     "candidates":{"department":[{"label":"Billing","confidence":0.41},
                       {"label":"Security","confidence":0.33},{"label":"Technical","confidence":0.2},
                       {"label":"Other","confidence":0.06}]},
                     "explanation":{"summary":"no tier was confident","similarTickets":[]}}
                    """.formatted(decisionId, ticket.path("ticketId").asString()));
        }
        String department = text.contains("hacked") ? "Security" : text.contains("invoice") ? "Billing"
                : "Technical";
        return StubReply.json("""
                {"decisionId":"%s","ticketId":"%s","routingMethod":"ML",
                 "department":{"label":"%s","confidence":0.93},"urgency":{"label":"High","confidence":0.8},
                 "sentiment":{"label":"Negative","confidence":0.7},
                 "alternatives":[{"label":"%s","confidence":0.93}],"candidates":{},"modelVersion":"tfidf-lr-3",
                 "explanation":{"summary":"model","similarTickets":[{"ticketId":"t-9","similarity":0.91}]}}
                """.formatted(decisionId, ticket.path("ticketId").asString(), department, department));
    }

    double published(String source) {
        return meters.counter("ingestion_mapping_publishes_total", "source", source, "outcome", "published").count();
    }

    ServiceHttp http() {
        return ServiceHttp.onPort(port);
    }

    HttpResponse<String> putDraft(String source, String apiKey, String yaml) {
        return http().put("/mappings/" + source, apiKey, "application/yaml", yaml);
    }

    HttpResponse<String> publish(String source, String apiKey, String reason) {
        return http().post("/mappings/" + source + "/publish", apiKey, "{\"reason\":\"" + reason + "\"}");
    }

    /** Imports a ticket of {@code source} and waits for its decision, as the ticket flow stores it. */
    String decidedTicket(String source, String externalId, String description) {
        HttpResponse<String> stored = http().post("/tickets", ApiKeys.OPS, """
                {"source":"%s","externalId":"%s","customerId":"cust-42","channel":"email",
                 "subject":"Help","description":"%s","sourceUpdatedAt":"%s"}
                """.formatted(source, externalId, description, Instant.now()));
        assertThat(stored.statusCode()).isEqualTo(200);
        String ticketId = tree(stored).path("ticketId").asString();
        await().atMost(Duration.ofSeconds(30)).until(
                () -> http().get("/tickets/" + ticketId + "/decision", ApiKeys.OPS).statusCode() == 200);
        return ticketId;
    }

    JsonNode dryRun(String source, String ticketId) {
        HttpResponse<String> answer = http().post("/mappings/" + source + "/dry-run", ApiKeys.OPS,
                "{\"ticketId\":\"" + ticketId + "\"}");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return tree(answer);
    }

    @Test
    void aDraftIsPublishedListedAndRolledBack() {
        double publishedBefore = published("servicenow");
        HttpResponse<String> saved = putDraft("servicenow", ApiKeys.ADMIN, """
                levels: {default: suggest}
                """);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        assertThat(tree(saved).path("valid").asBoolean()).isTrue();
        int first = tree(saved).path("version").asInt();
        assertThat(tree(http().get("/mappings/servicenow", ApiKeys.OPS)).path("draft").path("version").asInt())
                .isEqualTo(first);

        HttpResponse<String> published = publish("servicenow", ApiKeys.ADMIN, "suggestions first");
        assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
        assertThat(tree(published).path("state").asString()).isEqualTo("PUBLISHED");
        assertThat(tree(published).path("publishedBy").asString()).isEqualTo("local-admin");

        putDraft("servicenow", ApiKeys.ADMIN, """
                levels: {default: suggest, departments: {Billing: automate}}
                departments: {Billing: {assignment_group: 287ebd7da9fe198100f92cc8d1d2154e}}
                urgencies:
                  Critical: {urgency: "1", impact: "1"}
                  High: {urgency: "1", impact: "2"}
                  Medium: {urgency: "2", impact: "2"}
                  Low: {urgency: "3", impact: "3"}
                """);
        int second = tree(publish("servicenow", ApiKeys.ADMIN, "automate billing")).path("version").asInt();
        assertThat(second).isGreaterThan(first);

        JsonNode versions = tree(http().get("/mappings/servicenow/versions", ApiKeys.ANALYST));
        assertThat(versions.path("versions").get(0).path("version").asInt()).isEqualTo(second);
        assertThat(versions.path("versions").get(0).path("state").asString()).isEqualTo("PUBLISHED");
        assertThat(versions.path("versions").get(1).path("version").asInt()).isEqualTo(first);
        assertThat(versions.path("versions").get(1).path("state").asString()).isEqualTo("ARCHIVED");

        HttpResponse<String> rolledBack = http().post("/mappings/servicenow/rollback", ApiKeys.ADMIN,
                "{\"version\":" + first + ",\"reason\":\"billing agents overwhelmed\"}");
        assertThat(rolledBack.statusCode()).as(rolledBack.body()).isEqualTo(200);
        JsonNode current = tree(http().get("/mappings/servicenow", ApiKeys.OPS));
        assertThat(current.path("published").path("version").asInt()).isEqualTo(first);
        assertThat(current.path("published").path("reason").asString()).isEqualTo("billing agents overwhelmed");
        assertThat(current.path("draft").isNull()).isTrue();
        JsonNode history = tree(http().get("/mappings/servicenow/versions", ApiKeys.OPS)).path("activations");
        assertThat(history.findValuesAsString("action").subList(0, 3)).containsExactly("rollback", "publish",
                "publish");
        assertThat(history.get(0).path("activatedBy").asString()).isEqualTo("local-admin");
        assertThat(published("servicenow") - publishedBefore).isEqualTo(2);
    }

    @Test
    void aMappingToAnUnknownDepartmentIsRefusedAtPublish() {
        HttpResponse<String> saved = putDraft("jira", ApiKeys.ADMIN, """
                levels: {default: suggest}
                departments:
                  Marketing: {team: "team-9"}
                """);
        assertThat(saved.statusCode()).isEqualTo(200);
        assertThat(tree(saved).path("valid").asBoolean()).isFalse();
        assertThat(tree(saved).path("problems").get(0).path("line").asInt()).isEqualTo(3);

        HttpResponse<String> refused = publish("jira", ApiKeys.ADMIN, "marketing too");
        assertThat(refused.statusCode()).isEqualTo(422);
        JsonNode problem = tree(refused);
        assertThat(problem.path("field").asString()).isEqualTo("departments.Marketing");
        assertThat(problem.path("line").asInt()).isEqualTo(3);
        assertThat(problem.path("errors").get(0).path("message").asString()).contains("unknown department");
        assertThat(tree(http().get("/mappings/jira", ApiKeys.OPS)).path("published").isNull()).isTrue();
        assertThat(meters.counter("ingestion_mapping_publishes_total", "source", "jira", "outcome", "invalid")
                .count()).isEqualTo(1);
    }

    @Test
    void withoutTheTaxonomyADraftIsSavedWithAWarningButNotPublished() {
        classify.fail("/taxonomy", StubFailure.status(503));

        HttpResponse<String> saved = putDraft("zendesk", ApiKeys.ADMIN, ZENDESK);
        assertThat(saved.statusCode()).isEqualTo(200);
        assertThat(tree(saved).path("warnings").get(0).asString()).contains("not checked");

        HttpResponse<String> refused = publish("zendesk", ApiKeys.ADMIN, "try");
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).contains("problem+json"));
        assertThat(tree(http().get("/mappings/zendesk", ApiKeys.OPS)).path("draft").path("state").asString())
                .isEqualTo("DRAFT");
    }

    @Test
    void onlyAnAdminWritesAndUnknownSourcesAre404() {
        assertThat(putDraft("zendesk", ApiKeys.OPS, ZENDESK).statusCode()).isEqualTo(403);
        assertThat(putDraft("zendesk", ApiKeys.ANALYST, ZENDESK).statusCode()).isEqualTo(403);
        assertThat(publish("zendesk", ApiKeys.ANALYST, "x").statusCode()).isEqualTo(403);
        assertThat(http().post("/mappings/zendesk/rollback", ApiKeys.OPS, "{\"version\":1,\"reason\":\"x\"}")
                .statusCode()).isEqualTo(403);
        assertThat(http().get("/mappings/zendesk", ApiKeys.CLASSIFIER).statusCode()).isEqualTo(403);
        assertThat(http().get("/mappings/zendesk", ApiKeys.ANALYST).statusCode()).isEqualTo(200);

        HttpResponse<String> unknown = http().get("/mappings/freshdesk", ApiKeys.OPS);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).contains("problem+json"));
        HttpResponse<String> noReason = http().post("/mappings/zendesk/publish", ApiKeys.ADMIN, "{}");
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(tree(noReason).toString()).contains("reason");
    }

    /** A draft is saved even when invalid, and Postgres text cannot hold U+0000: 500 (fuzz pass, issue 19). */
    @Test
    void aDraftWithANulCharacterIs400AndSavesNothing() {
        String before = http().get("/mappings/jira", ApiKeys.ANALYST).body();

        HttpResponse<String> response = putDraft("jira", ApiKeys.ADMIN, ZENDESK.replace("auto_triaged", "auto\u0000"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(tree(response).path("field").asString()).isEqualTo("body");
        assertThat(http().get("/mappings/jira", ApiKeys.ANALYST).body()).isEqualTo(before);
    }

    @Test
    void concurrentPublishesOfOneDraftCannotBothWin() {
        putDraft("servicenow", ApiKeys.ADMIN, "levels: {default: suggest}\n");

        List<Integer> statuses;
        try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            statuses = List.of(
                    CompletableFuture.supplyAsync(() -> publish("servicenow", ApiKeys.ADMIN, "a").statusCode(),
                            callers),
                    CompletableFuture.supplyAsync(() -> publish("servicenow", ApiKeys.ADMIN, "b").statusCode(),
                            callers))
                    .stream().map(CompletableFuture::join).toList();
        }

        assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        assertThat(tree(http().get("/mappings/servicenow/versions", ApiKeys.OPS)).path("versions")
                .findValuesAsString("state")).containsOnlyOnce("PUBLISHED");
    }

    @Test
    void aDryRunShowsEachLevelsPlan() {
        putDraft("zendesk", ApiKeys.ADMIN, ZENDESK);
        String automated = decidedTicket("ZENDESK", "zd-1", "Where is my invoice for November");
        String preselected = decidedTicket("ZENDESK", "zd-2", "My account was hacked");
        String suggested = decidedTicket("ZENDESK", "zd-3", "The app crashes on start");
        String review = decidedTicket("ZENDESK", "zd-4", "unsure what this is about");

        JsonNode automate = dryRun("zendesk", automated);
        assertThat(automate.path("state").asString()).isEqualTo("DRAFT");
        assertThat(automate.path("plan").path("level").asString()).isEqualTo("AUTOMATE");
        assertThat(automate.path("plan").path("fields").path("group_id").asLong()).isEqualTo(360001L);
        assertThat(automate.path("plan").path("fields").path("priority").asString()).isEqualTo("high");
        assertThat(automate.path("plan").path("externalId").asString()).isEqualTo("zd-1");
        JsonNode requests = automate.path("requests");
        assertThat(requests.size()).isEqualTo(2);
        JsonNode update = requests.get(0);
        assertThat(update.path("method").asString()).isEqualTo("PUT");
        assertThat(update.path("path").asString()).isEqualTo("/api/v2/tickets/zd-1.json");
        JsonNode ticket = update.path("body").path("ticket");
        assertThat(ticket.path("group_id").isNumber()).as("Zendesk ids are numbers").isTrue();
        assertThat(ticket.path("group_id").asLong()).isEqualTo(360001L);
        assertThat(ticket.path("priority").asString()).isEqualTo("high");
        assertThat(ticket.path("comment").path("public").asBoolean(true)).as("a private note").isFalse();
        assertThat(ticket.path("comment").path("body").asString()).isEqualTo(automate.path("plan").path("note")
                .asString());
        JsonNode tags = requests.get(1);
        assertThat(tags.path("method").asString()).isEqualTo("PUT");
        assertThat(tags.path("path").asString()).isEqualTo("/api/v2/tickets/zd-1/tags.json");
        assertThat(tags.path("body").path("tags").toString()).isEqualTo("[\"auto_triaged\"]");

        JsonNode preselect = dryRun("zendesk", preselected).path("plan");
        assertThat(preselect.path("level").asString()).isEqualTo("PRESELECT");
        assertThat(preselect.path("fields").path("group_id").asLong()).isEqualTo(360002L);
        assertThat(preselect.path("note").asString()).contains("suggestion");

        JsonNode suggestion = dryRun("zendesk", suggested);
        JsonNode suggest = suggestion.path("plan");
        assertThat(suggest.path("level").asString()).isEqualTo("SUGGEST");
        assertThat(suggestion.path("requests").findValuesAsString("path")).as("the note only: no tags either")
                .containsExactly("/api/v2/tickets/zd-3.json");
        assertThat(suggestion.path("requests").get(0).path("body").path("ticket").propertyNames())
                .containsExactly("comment");
        assertThat(suggest.path("fields").isEmpty()).isTrue();
        assertThat(suggest.path("note").asString()).contains("Technical");

        JsonNode needsReview = dryRun("zendesk", review).path("plan");
        assertThat(needsReview.path("level").asString()).isEqualTo("REVIEW");
        assertThat(needsReview.path("fields").isEmpty()).isTrue();
        assertThat(needsReview.path("tags").toString()).contains("triage_review");
        assertThat(needsReview.path("note").asString()).contains("Billing (0.41), Security (0.33), Technical (0.20)")
                .contains("human").contains(WriteBackPlan.markerOf(UUID.fromString(
                        needsReview.path("decisionId").asString())));
        assertThat(needsReview.path("note").asString()).doesNotContain("cust-42");
    }

    @Test
    void thePlannerUsesThePublishedMappingAndFollowsARollback() {
        putDraft("jira", ApiKeys.ADMIN, """
                levels: {default: automate}
                departments:
                  Billing: {team: "team-1"}
                  Security: {team: "team-2"}
                  Technical: {team: "team-3"}
                urgencies:
                  Critical: {priority: Highest}
                  High: {priority: High}
                  Medium: {priority: Medium}
                  Low: {priority: Low}
                """);
        String ticketId = decidedTicket("JIRA", "10001", "Please resend the invoice");
        var ticket = tickets.find(UUID.fromString(ticketId)).orElseThrow();
        var decision = decisions.find(UUID.fromString(ticketId)).orElseThrow();
        assertThat(planner.plan(ticket, decision)).as("nothing published yet").isEmpty();

        int automate = tree(publish("jira", ApiKeys.ADMIN, "go")).path("version").asInt();
        WriteBackPlan plan = planner.plan(ticket, decision).orElseThrow();
        assertThat(plan.level()).isEqualTo(WriteBackLevel.AUTOMATE);
        assertThat(plan.mappingVersion()).isEqualTo(automate);
        assertThat(plan.fields()).containsEntry("team", "team-1").containsEntry("priority", "High");

        putDraft("jira", ApiKeys.ADMIN, "levels: {default: suggest}\n");
        int suggest = tree(publish("jira", ApiKeys.ADMIN, "calmer")).path("version").asInt();
        assertThat(planner.plan(ticket, decision).orElseThrow().level()).isEqualTo(WriteBackLevel.SUGGEST);

        http().post("/mappings/jira/rollback", ApiKeys.ADMIN, "{\"version\":" + automate + ",\"reason\":\"back\"}");
        WriteBackPlan after = planner.plan(ticket, decision).orElseThrow();
        assertThat(after.mappingVersion()).isEqualTo(automate).isNotEqualTo(suggest);
        assertThat(after.level()).isEqualTo(WriteBackLevel.AUTOMATE);
    }

    @Test
    void aPublishOnAnotherReplicaIsUsedWithinTheRefreshInterval() {
        putDraft("zendesk", ApiKeys.ADMIN, ZENDESK);
        assertThat(publish("zendesk", ApiKeys.ADMIN, "here").statusCode()).isEqualTo(200);
        String ticketId = decidedTicket("ZENDESK", "zd-9", "Second invoice is wrong");
        var ticket = tickets.find(UUID.fromString(ticketId)).orElseThrow();
        var decision = decisions.find(UUID.fromString(ticketId)).orElseThrow();
        assertThat(planner.plan(ticket, decision).orElseThrow().level()).isEqualTo(WriteBackLevel.AUTOMATE);

        // What another replica's publish leaves in the database; this replica's copy is not told.
        int other = jdbc.sql("SELECT MAX(version) + 1 FROM field_mapping_versions WHERE source = 'ZENDESK'")
                .query(Integer.class).single();
        jdbc.sql("UPDATE field_mapping_versions SET state = 'ARCHIVED' WHERE source = 'ZENDESK' AND state = "
                + "'PUBLISHED'").update();
        jdbc.sql("INSERT INTO field_mapping_versions (source, version, state, yaml, created_by, published_by, "
                + "published_at, reason) VALUES ('ZENDESK', ?, 'PUBLISHED', 'levels: {default: suggest}', 'x', 'x', "
                + "now(), 'elsewhere')").param(other).update();
        jdbc.sql("INSERT INTO field_mapping_activations (source, version, action, activated_by, reason) "
                + "VALUES ('ZENDESK', ?, 'publish', 'x', 'elsewhere')").param(other).update();

        WriteBackPlan seen = await().atMost(Duration.ofSeconds(20)).until(
                () -> planner.plan(ticket, decision).orElseThrow(), p -> p.mappingVersion() == other);
        assertThat(seen.level()).isEqualTo(WriteBackLevel.SUGGEST);
        assertThat(seen.fields()).isEmpty();
    }

    @Test
    void aDryRunOfAMissingOrRefusedDecisionIsRefused() {
        putDraft("servicenow", ApiKeys.ADMIN, "levels: {default: suggest}\n");
        assertThat(http().post("/mappings/servicenow/dry-run", ApiKeys.OPS,
                "{\"ticketId\":\"" + UUID.randomUUID() + "\"}").statusCode()).isEqualTo(404);

        classify.fail("/classify", StubFailure.reply(StubReply.json(400, """
                {"type":"about:blank","title":"Bad Request","status":400,"detail":"unknown channel"}
                """)));
        String refused = decidedTicket("SERVICENOW", "sn-refused", "Something odd");
        HttpResponse<String> conflict = http().post("/mappings/servicenow/dry-run", ApiKeys.OPS,
                "{\"ticketId\":\"" + refused + "\"}");
        assertThat(conflict.statusCode()).isEqualTo(409);
        assertThat(tree(conflict).path("detail").asString()).contains("refused");
    }
}
