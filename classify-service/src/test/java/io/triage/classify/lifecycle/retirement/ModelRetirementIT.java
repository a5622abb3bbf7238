package io.triage.classify.lifecycle.retirement;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import io.triage.classify.customer.CustomerHashes;
import io.triage.classify.lifecycle.ModelStore;
import io.triage.classify.lifecycle.StoredArtifact;
import io.triage.classify.lifecycle.ingestion.IngestionStub;
import io.triage.classify.lifecycle.ingestion.IngestionStub.Validated;
import io.triage.classify.lifecycle.provenance.TrainingData;
import io.triage.classify.lifecycle.provenance.TrainingOrigin;
import io.triage.classify.lifecycle.provenance.TrainingSubject;
import io.triage.classify.lifecycle.provenance.TrainingSubjects;
import io.triage.classify.model.ArtifactCodec;
import io.triage.classify.model.TfidfVectorizer;
import io.triage.classify.testing.Downstreams;
import io.triage.classify.testing.TicketCsv;
import io.triage.classify.testing.TrainingJobClient;
import io.triage.classify.training.LabelledText;
import io.triage.classify.training.TrainingSet;
import io.triage.testsupport.ApiKeys;
import io.triage.testsupport.IsolatedBackingServices;
import io.triage.testsupport.JsonBody;
import io.triage.testsupport.ServiceHttp;
import io.triage.testsupport.stub.StubServer;
import io.triage.tickets.SyntheticTicket;
import io.triage.tickets.TicketGenerator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Models trained on an erased customer's text are found and retired, over real HTTP and Postgres (ingestion-service
 * is a loopback stub serving its wire fixture). One story, in order: a model from a file and one from validated
 * tickets of several customers (X among them) are registered; X is erased; the retirement job retrains without X's
 * tickets, promotes the replacement and retires the old production version; a second run does nothing.
 *
 * <p>The stub keeps serving X's tickets after the erasure, as a page read while the erasure ran would: the retraining
 * must leave them out on its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "triage.classify.models.poll-interval=1h",
        "triage.classify.models.sentence-encoder=none",
        "triage.classify.models.retirement-window=20d",
        "triage.platform.resilience.minimum-calls=1000"})
@IsolatedBackingServices
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ModelRetirementIT {

    static final String CUSTOMER_X = "CUST-X-retire";
    /** Words only X's tickets contain, so they are in a model's vocabulary exactly when X's text was learnt. */
    static final String X_WORDS = "zorblax quibbet";
    static final StubServer ingestion = new StubServer();
    static final Downstreams downstreams = new Downstreams();
    static final IngestionStub stub = new IngestionStub();
    static final List<Validated> served = validatedTickets();
    static long fileVersion;
    static long ticketsVersion;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ModelStore store;

    @Autowired
    CustomerHashes customers;

    @Autowired
    TrainingSubjects subjects;

    @DynamicPropertySource
    static void dependencies(DynamicPropertyRegistry registry) {
        registry.add("spring.http.serviceclient.ingestion.base-url", ingestion::baseUrl);
        downstreams.register(registry);
    }

    @AfterAll
    static void stopServers() {
        ingestion.close();
        downstreams.close();
    }

    @BeforeEach
    void dependenciesAnswer() {
        downstreams.quiet();
        ingestion.start();
        ingestion.onAny("/", request -> stub.serve(request, served));
    }

    ServiceHttp http() {
        return ServiceHttp.onPort(port);
    }

    TrainingJobClient jobs() {
        return new TrainingJobClient(http());
    }

    /** 400 generated tickets of 40 other customers, then 30 of X whose text carries {@link #X_WORDS}. */
    static List<Validated> validatedTickets() {
        List<Validated> tickets = new ArrayList<>();
        Instant at = Instant.now().minus(Duration.ofDays(30));
        int n = 0;
        for (SyntheticTicket t : new TicketGenerator(5).generate(400)) {
            tickets.add(new Validated(UUID.randomUUID().toString(), t.subject() + "\n" + t.description(),
                    t.department(), t.urgency(), t.sentiment(), at = at.plusSeconds(60), "CUST-" + (n++ % 40)));
        }
        for (SyntheticTicket t : new TicketGenerator(11).generate(30)) {
            tickets.add(new Validated(UUID.randomUUID().toString(), t.subject() + " " + X_WORDS + "\n"
                    + t.description(), t.department(), t.urgency(), t.sentiment(), at = at.plusSeconds(60),
                    CUSTOMER_X));
        }
        return tickets;
    }

    static List<String> ticketsOfX() {
        return served.stream().filter(v -> CUSTOMER_X.equals(v.customerId())).map(Validated::id).toList();
    }

    List<String> vocabulary(long version) {
        StoredArtifact artifact = store.artifact(version).orElseThrow();
        TfidfVectorizer vectorizer = ArtifactCodec.decode(artifact.bytes(), artifact.sha256()).vectorizer();
        return IntStream.range(0, vectorizer.size()).mapToObj(vectorizer::featureName).toList();
    }

    String stage(long version) {
        return jdbc.sql("SELECT stage FROM model_versions WHERE version = :v").param("v", version)
                .query(String.class).single();
    }

    long metric(String name) {
        String metrics = http().get("/metrics", ApiKeys.OPS).body();
        return metrics.lines().filter(l -> l.startsWith(name + " ") || l.startsWith(name + "{"))
                .mapToLong(l -> (long) Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    HttpResponse<String> erase(UUID requestId) {
        return http().post("/internal/erasures", ApiKeys.GDPR_SERVICE, """
                {"requestId":"%s","customerId":"%s","ticketIds":%s}""".formatted(requestId, CUSTOMER_X,
                TrainingJobClient.JSON.writeValueAsString(ticketsOfX())));
    }

    @Test
    @Order(1)
    void modelsRecordWhereTheirTrainingDataCameFrom() {
        fileVersion = TrainingJobClient.result(jobs().train(TicketCsv.of(3, 300))).get("version").asLong();
        JsonNode retrained = TrainingJobClient.result(jobs().retrain());
        ticketsVersion = retrained.get("version").asLong();
        assertThat(http().post("/models/" + ticketsVersion + "/promote", ApiKeys.ANALYST, "").statusCode())
                .isEqualTo(200);

        assertThat(jdbc.sql("SELECT origin FROM model_provenance WHERE model_version = :v")
                .param("v", fileVersion).query(String.class).single()).isEqualTo("FILE");
        assertThat(jdbc.sql("SELECT origin FROM model_provenance WHERE model_version = :v")
                .param("v", ticketsVersion).query(String.class).single()).isEqualTo("TICKETS");
        assertThat(jdbc.sql("SELECT count(*) FROM model_training_subjects WHERE model_version = :v")
                .param("v", fileVersion).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("""
                SELECT ticket_id FROM model_training_subjects WHERE model_version = :v AND customer_hash = :x
                """).param("v", ticketsVersion).param("x", customers.keyed(CUSTOMER_X)).query(String.class).list())
                .containsExactlyInAnyOrderElementsOf(ticketsOfX());
        assertThat(jdbc.sql("SELECT count(*) FROM model_training_subjects WHERE customer_hash LIKE 'CUST%'")
                .query(Long.class).single()).as("no plain customer id is stored").isZero();
        assertThat(vocabulary(ticketsVersion)).as("X's text was learnt").contains("zorblax", "quibbet");
    }

    @Test
    @Order(2)
    void erasureListsTheVersionsTrainedOnTheCustomerWithTheirRetireByDate() {
        Instant before = Instant.now();
        HttpResponse<String> response = erase(UUID.randomUUID());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);

        JsonNode details = JsonBody.tree(response).path("details");
        assertThat(details.path("modelVersionsTrainedOnCustomer").valueStream().map(JsonNode::asLong))
                .containsExactly(ticketsVersion);
        assertThat(Instant.parse(details.path("retireBy").asString()))
                .isBetween(before.plus(Duration.ofDays(20)), Instant.now().plus(Duration.ofDays(20)));

        JsonNode retirements = JsonBody.tree(http().get("/models/retirements", ApiKeys.OPS));
        assertThat(retirements.valueStream().map(r -> r.path("modelVersion").asLong()))
                .containsExactly(ticketsVersion);
        assertThat(retirements.get(0).path("state").asString()).isEqualTo("PENDING");
        assertThat(retirements.get(0).path("retireBy").asString()).isEqualTo(details.path("retireBy").asString());
        assertThat(metric("classify_model_retirements_pending")).isEqualTo(1);
        assertThat(metric("classify_model_retirements_overdue")).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM model_training_subjects WHERE ticket_id = ANY(:ids)")
                .param("ids", ticketsOfX().toArray(String[]::new)).query(Long.class).single())
                .as("which of X's tickets a model used is forgotten").isZero();
    }

    @Test
    @Order(3)
    void retirementRetrainsWithoutTheErasedTextAndRetiresTheOldVersion() {
        HttpResponse<String> started = http().post("/models/retirements/run", ApiKeys.OPS, "");
        JsonNode job = jobs().awaitEnd(started);
        long replacement = TrainingJobClient.result(job).get("version").asLong();
        assertThat(job.get("trigger").asString()).isEqualTo("retirement");
        assertThat(TrainingJobClient.result(job).get("stage").asString()).isEqualTo("PRODUCTION");

        assertThat(stage(replacement)).isEqualTo("PRODUCTION");
        assertThat(vocabulary(replacement)).noneMatch(f -> f.contains("zorbl") || f.contains("quibb"));
        JsonNode report = JsonBody.tree(http().get("/models/" + replacement + "/report", ApiKeys.ANALYST));
        assertThat(report.get("examples").asInt()).as("X's 30 tickets left out").isEqualTo(400);
        assertThat(jdbc.sql("SELECT count(*) FROM model_training_subjects WHERE model_version = :v")
                .param("v", replacement).query(Long.class).single()).isEqualTo(400);

        assertThat(stage(ticketsVersion)).isEqualTo("RETIRED");
        assertThat(store.artifact(ticketsVersion)).as("artifact deleted").isEmpty();
        assertThat(jdbc.sql("""
                SELECT artifact IS NULL AND retired_at IS NOT NULL FROM model_versions WHERE version = :v
                """).param("v", ticketsVersion).query(Boolean.class).single()).isTrue();
        JsonNode retirement = JsonBody.tree(http().get("/models/retirements", ApiKeys.OPS)).get(0);
        assertThat(retirement.path("state").asString()).isEqualTo("DONE");
        assertThat(retirement.path("replacedBy").asLong()).isEqualTo(replacement);
        assertThat(metric("classify_model_retirements_pending")).isZero();
        assertThat(metric("classify_model_retirements_total")).isEqualTo(1);
    }

    @Test
    @Order(4)
    void aModelTrainedFromAFileIsNeverFlagged() {
        assertThat(stage(fileVersion)).isEqualTo("ARCHIVED");
        assertThat(store.artifact(fileVersion)).isPresent();
        assertThat(jdbc.sql("SELECT count(*) FROM model_retirements WHERE model_version = :v")
                .param("v", fileVersion).query(Long.class).single()).isZero();
    }

    @Test
    @Order(5)
    void aSecondRunDoesNothing() {
        List<String> before = jdbc.sql("SELECT version || stage FROM model_versions ORDER BY version")
                .query(String.class).list();

        HttpResponse<String> again = http().post("/models/retirements/run", ApiKeys.OPS, "");

        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        assertThat(JsonBody.tree(again).path("started").asBoolean()).isFalse();
        assertThat(again.headers().firstValue("Location")).isEmpty();
        assertThat(jdbc.sql("SELECT version || stage FROM model_versions ORDER BY version").query(String.class)
                .list()).isEqualTo(before);
        assertThat(metric("classify_model_retirements_total")).isEqualTo(1);
    }

    @Test
    @Order(6)
    void aVersionTrainedOnDataReadBeforeAnErasureIsFlaggedWhenItIsRegistered() {
        String late = customers.keyed("CUST-LATE");
        Instant erasedAt = Instant.parse("2026-11-01T10:00:00Z");
        subjects.erase(late, List.of(), erasedAt, Duration.ofDays(20));
        TrainingSet set = new TrainingSet(List.of(new LabelledText("my parcel is late", Map.of("department", "A"))),
                List.of("department"));

        subjects.record(424_242, new TrainingData(set, TrainingOrigin.TICKETS,
                List.of(new TrainingSubject(UUID.randomUUID().toString(), late))), Duration.ofDays(20));

        JsonNode flagged = JsonBody.tree(http().get("/models/retirements", ApiKeys.COMPLIANCE)).valueStream()
                .filter(r -> r.path("modelVersion").asLong() == 424_242).findFirst().orElseThrow();
        assertThat(flagged.path("state").asString()).isEqualTo("PENDING");
        assertThat(Instant.parse(flagged.path("retireBy").asString())).isEqualTo(erasedAt.plus(Duration.ofDays(20)));
        assertThat(flagged.path("overdue").asBoolean()).isTrue();
        assertThat(metric("classify_model_retirements_overdue")).isEqualTo(1);
    }

    @Test
    @Order(7)
    void theOverdueAlertNamesASeriesTheServiceExports() throws IOException {
        String alerts = Files.readString(Path.of("..", "grafana", "alerts", "triage-alerts.yml"));
        HttpResponse<String> scraped = http().get("/actuator/prometheus", ApiKeys.OPS);

        assertThat(alerts).contains("alert: TriageModelRetirementOverdue",
                "expr: max(classify_model_retirements_overdue) > 0");
        assertThat(scraped.body()).containsPattern("(?m)^classify_model_retirements_overdue(\\{[^}]*})? ")
                .containsPattern("(?m)^classify_model_retirements_pending(\\{[^}]*})? ")
                .containsPattern("(?m)^classify_model_retirements_total(\\{[^}]*})? ");
    }
}
