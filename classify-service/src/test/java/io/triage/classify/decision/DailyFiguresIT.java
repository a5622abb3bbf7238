package io.triage.classify.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.triage.classify.model.ModelTier;
import io.triage.classify.testing.Downstreams;
import io.triage.classify.testing.Stubs;
import io.triage.classify.testing.Stubs.Neighbour;
import io.triage.classify.testing.TestModel;
import io.triage.testsupport.ApiKeys;
import io.triage.testsupport.IsolatedBackingServices;
import io.triage.testsupport.JsonBody;
import io.triage.testsupport.PlatformContract;
import io.triage.testsupport.ServiceHttp;
import io.triage.testsupport.stub.StubReply;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /decisions/daily} and the daily gauges on the real service with real Postgres and Redis: the figures
 * come from the stored decisions and feedback, so another replica (a second reader over the same database) and a
 * restarted one (a fresh reader with empty memory) give the same numbers. rules-engine, embedding-service and
 * audit-service are loopback stubs in their wire formats.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "triage.classify.tiers.rules.timeout=2s",
        "triage.classify.tiers.cache.timeout=2s",
        "triage.classify.daily-figures.refresh-interval=500ms",
        "triage.platform.resilience.minimum-calls=1000"})
@IsolatedBackingServices
@Import(TestModel.class)
class DailyFiguresIT {

    static final Downstreams downstreams = new Downstreams();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ModelTier model;

    @DynamicPropertySource
    static void dependencies(DynamicPropertyRegistry registry) {
        downstreams.register(registry);
    }

    @AfterAll
    static void stopServers() {
        downstreams.close();
    }

    @BeforeEach
    void quietDependencies() {
        downstreams.quiet();
    }

    @Test
    void storedDecisionsAndFeedbackGiveEachUtcDaysCacheAndRuleFigures() {
        OffsetDateTime first = OffsetDateTime.of(2026, 1, 10, 23, 59, 0, 0, ZoneOffset.UTC);
        // Cache: four lookups (two decided), one skipped cache, one ticket the rule decided before the cache ran.
        UUID reusedRight = decision(first, "CACHE", "Billing", null, null, Cache.LOOKED_UP);
        UUID reusedWrong = decision(first, "CACHE", "Billing", null, null, Cache.LOOKED_UP);
        decision(first, "ML", "Sales", null, null, Cache.LOOKED_UP);
        decision(first, "NEEDS_REVIEW", null, null, null, Cache.LOOKED_UP);
        decision(first, "ML", "Sales", null, null, Cache.SKIPPED);
        // Rule R-D1 decided one ticket (right) and matched another without deciding (its department right, the
        // model's wrong); R-D2 matched once and was wrong.
        UUID ruled = decision(first, "RULE", "Security", "R-D1", "Security", Cache.NOT_ASKED);
        UUID matched = decision(first, "ML", "Sales", "R-D1", "Billing", Cache.LOOKED_UP);
        UUID wrongRule = decision(first, "ML", "Sales", "R-D2", "Billing", Cache.LOOKED_UP);
        feedback(reusedRight, "Billing");
        feedback(reusedWrong, "Sales");
        feedback(ruled, "Security");
        feedback(matched, "Billing");
        feedback(wrongRule, "Sales");
        // One minute later is the next UTC day: a cache decision without feedback.
        decision(first.plusMinutes(1), "CACHE", "Billing", null, null, Cache.LOOKED_UP);

        JsonNode days = JsonBody.tree(daily("from=2026-01-10&to=2026-01-12", ApiKeys.OPS)).path("days");

        assertThat(JsonBody.elements(days)).extracting(day -> day.path("day").asString())
                .containsExactly("2026-01-10", "2026-01-11", "2026-01-12");
        JsonNode cache = days.get(0).path("cache");
        assertThat(cache.path("lookups").asLong()).isEqualTo(6);
        assertThat(cache.path("decisions").asLong()).isEqualTo(2);
        assertThat(cache.path("hitRate").asDouble()).isEqualTo(2 / 6.0);
        assertThat(cache.path("confirmedCorrect").asLong()).isEqualTo(1);
        assertThat(cache.path("confirmedWrong").asLong()).isEqualTo(1);
        assertThat(cache.path("accuracy").asDouble()).isEqualTo(0.5);
        JsonNode rules = days.get(0).path("rules");
        assertThat(JsonBody.elements(rules)).extracting(rule -> rule.path("ruleId").asString())
                .containsExactly("R-D1", "R-D2");
        assertThat(rules.get(0).path("matches").asLong()).isEqualTo(2);
        assertThat(rules.get(0).path("shortCircuits").asLong()).isEqualTo(1);
        assertThat(rules.get(0).path("confirmedCorrect").asLong()).isEqualTo(2);
        assertThat(rules.get(0).path("accuracy").asDouble()).isEqualTo(1.0);
        assertThat(rules.get(1).path("confirmedWrong").asLong()).isEqualTo(1);
        assertThat(rules.get(1).path("accuracy").asDouble()).isEqualTo(0.0);
        JsonNode next = days.get(1).path("cache");
        assertThat(next.path("lookups").asLong()).isEqualTo(1);
        assertThat(next.path("hitRate").asDouble()).isEqualTo(1.0);
        assertThat(next.path("accuracy").isNull()).as("no feedback, no accuracy").isTrue();
        assertThat(days.get(2).path("cache").path("hitRate").isNull()).as("no lookups, no hit rate").isTrue();
        assertThat(JsonBody.elements(days.get(2).path("rules"))).isEmpty();
    }

    @Test
    void todaysGaugesAreTheSameOnEveryReplicaAndAfterARestart() {
        String department = model.predict("Parcel\nMy parcel never arrived", null).heads().get("department")
                .label();
        downstreams.embedding().onAny("/", request -> StubReply.json(Stubs.neighbours(List.of(
                new Neighbour("H-DAY-1", 0.96, department, "Low", "Negative"),
                new Neighbour("H-DAY-2", 0.95, department, "Low", "Negative"),
                new Neighbour("H-DAY-3", 0.94, department, "Medium", "Neutral")))));
        JsonNode reused = classify("T-DAY-1", "Parcel", "My parcel never arrived");
        downstreams.embedding().onAny("/", request -> StubReply.json(Stubs.neighbours(List.of())));
        classify("T-DAY-2", "Zork", "blorp quux frobnicate wibble");
        assertThat(reused.path("routingMethod").asString()).isEqualTo("CACHE");
        feedback(UUID.fromString(reused.path("decisionId").asString()), department.equals("Billing") ? "Sales"
                : "Billing");

        JsonNode today = JsonBody.tree(daily("", ApiKeys.ANALYST)).path("days").get(6).path("cache");
        assertThat(today.path("lookups").asLong()).isEqualTo(2);
        assertThat(today.path("decisions").asLong()).isEqualTo(1);
        assertThat(today.path("confirmedWrong").asLong()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(metrics())
                .containsPattern("(?m)^cache_hit_rate_daily(\\{[^}]*})? 0\\.5$")
                .containsPattern("(?m)^cache_reuse_accuracy_daily(\\{[^}]*})? 0\\.0$"));

        SimpleMeterRegistry otherReplica = new SimpleMeterRegistry();
        new DailyFigureGauges(new DailyFigures(jdbc), otherReplica, Clock.systemUTC()).refresh();

        assertThat(otherReplica.get("cache_hit_rate_daily").gauge().value()).isEqualTo(0.5);
        assertThat(otherReplica.get("cache_reuse_accuracy_daily").gauge().value()).isEqualTo(0.0);
    }

    @Test
    void activeRulesOnlyGetADailyAccuracySeries() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        UUID old = decision(now.minusSeconds(2), "RULE", "Billing", "R-OLD", "Billing", Cache.NOT_ASKED, "41");
        UUID current = decision(now.minusSeconds(1), "RULE", "Billing", "R-NEW", "Billing", Cache.NOT_ASKED, "42");
        feedback(old, "Billing");
        feedback(current, "Sales");
        SimpleMeterRegistry replica = new SimpleMeterRegistry();

        new DailyFigureGauges(new DailyFigures(jdbc), replica, Clock.systemUTC()).refresh();

        assertThat(replica.find("rule_accuracy_daily").tag("rule", "R-NEW").gauge()).isNotNull()
                .satisfies(gauge -> assertThat(gauge.value()).isEqualTo(0.0));
        assertThat(replica.find("rule_accuracy_daily").tag("rule", "R-OLD").gauge())
                .as("a rule of an older rule set").isNull();
    }

    @Test
    void badRangesAre400NamingTheFieldAndOtherRolesAreRefused() {
        assertThat(badField("from=2026-13-01&to=2026-12-01")).isEqualTo("from");
        assertThat(badField("from=2026-12-01&to=yesterday")).isEqualTo("to");
        assertThat(badField("from=2026-12-02&to=2026-12-01")).isEqualTo("from");
        assertThat(badField("from=2026-01-01&to=2026-12-01")).isEqualTo("to");
        assertThat(daily("from=2026-09-01&to=2026-12-01", ApiKeys.OPS).statusCode())
                .as("92 days, the most allowed").isEqualTo(200);
        PlatformContract.assertProblem(daily("", ApiKeys.CLASSIFIER), 403);
    }

    private enum Cache { LOOKED_UP, SKIPPED, NOT_ASKED }

    private UUID decision(OffsetDateTime at, String method, @Nullable String department, @Nullable String ruleId,
            @Nullable String ruleDepartment, Cache cache) {
        return decision(at, method, department, ruleId, ruleDepartment, cache, ruleId == null ? null : "7");
    }

    private UUID decision(OffsetDateTime at, String method, @Nullable String department, @Nullable String ruleId,
            @Nullable String ruleDepartment, Cache cache, @Nullable String ruleSetVersion) {
        UUID id = UUID.randomUUID();
        String latencies = cache == Cache.NOT_ASKED ? "{\"RULE\":40}" : "{\"RULE\":40,\"CACHE\":900,\"ML\":300}";
        String skipped = cache == Cache.SKIPPED ? "[{\"tier\":\"CACHE\",\"reason\":\"embedding-service down\"}]"
                : "[]";
        jdbc.sql("""
                INSERT INTO decisions (id, routing_method, department, rule_id, rule_department, rule_short_circuit,
                    rule_set_version, text_hash, tier_latencies_micros, skipped_tiers, latency_micros, decided_at)
                VALUES (:id, :method, :department, :rule, :ruledep, :short, :version, :hash, CAST(:lat AS jsonb),
                    CAST(:skipped AS jsonb), 1500, :at)
                """).param("id", id).param("method", method).param("department", department)
                .param("rule", ruleId).param("ruledep", ruleDepartment)
                .param("short", ruleId == null ? null : "RULE".equals(method)).param("version", ruleSetVersion)
                .param("hash", "0".repeat(64)).param("lat", latencies).param("skipped", skipped).param("at", at)
                .update();
        return id;
    }

    private void feedback(UUID decision, String department) {
        HttpResponse<String> response = http().post("/feedback", ApiKeys.CLASSIFIER,
                "{\"decisionId\":\"%s\",\"department\":\"%s\"}".formatted(decision, department));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

    private JsonNode classify(String ticketId, String subject, String description) {
        HttpResponse<String> response = http().post("/classify", ApiKeys.CLASSIFIER, """
                {"ticketId":"%s","subject":"%s","description":"%s","channel":"email","customerId":"CUST-D",
                 "sourceSystem":"servicenow"}""".formatted(ticketId, subject, description));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JsonBody.tree(response);
    }

    private HttpResponse<String> daily(String query, String apiKey) {
        return http().get("/decisions/daily" + (query.isEmpty() ? "" : "?" + query), apiKey);
    }

    private String badField(String query) {
        HttpResponse<String> response = daily(query, ApiKeys.OPS);
        PlatformContract.assertProblem(response, 400);
        return JsonBody.tree(response).path("field").asString();
    }

    private String metrics() {
        return http().get("/metrics", ApiKeys.OPS).body();
    }

    private ServiceHttp http() {
        return ServiceHttp.onPort(port);
    }
}
