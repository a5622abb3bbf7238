package io.triage.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.triage.audit.AuditServiceApplication;
import io.triage.classify.ClassifyServiceApplication;
import io.triage.testsupport.ApiKeys;
import io.triage.testsupport.BackingServices;
import io.triage.testsupport.JsonBody;
import io.triage.testsupport.RedisEndpoint;
import io.triage.testsupport.ServiceHttp;
import io.triage.testsupport.TestDatabase;
import io.triage.tickets.SyntheticTicket;
import io.triage.tickets.TicketGenerator;
import io.triage.tickets.TicketLabels;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The compliance report with real data, end to end: generated tickets go through the real classify-service's
 * {@code /classify} (with channel, language and customer segment) and agents' {@code /feedback}; classify-service
 * delivers the decision events and the feedback to the real audit-service, whose report job writes the month's
 * report to its archive store. Agents say the decision was wrong for most tickets of one channel, so exactly that
 * channel must be flagged. Nothing is written to audit-service's database except through its API.
 *
 * <p>audit-service records by a clock shifted into the previous month, so the traffic lands in a month that has
 * ended once the clock is shifted back, and the report job (which writes ended months only) can report on it.
 */
class ComplianceReportIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String WORSE_CHANNEL = "chat";
    private static final List<String> SEGMENTS = List.of("retail", "smb", "enterprise");
    private static final ShiftableClock AUDIT_CLOCK = new ShiftableClock(Duration.ZERO);
    private static final int auditPort = SuiteArguments.freePort();
    private static final int classifyPort = SuiteArguments.freePort();

    @TempDir
    static Path storage;

    private static ConfigurableApplicationContext audit;
    private static ConfigurableApplicationContext classify;
    private static YearMonth month;

    /** audit-service's recording clock (the service's own is the system clock). */
    @Configuration(proxyBeanMethods = false)
    static class AuditClock {
        @Bean
        @Primary
        Clock shiftedAuditClock() {
            return AUDIT_CLOCK;
        }
    }

    @BeforeAll
    static void startServices() {
        month = YearMonth.now(ZoneOffset.UTC).minusMonths(1);
        AUDIT_CLOCK.shift(Duration.between(Instant.now(), month.atDay(15).atTime(12, 0).toInstant(ZoneOffset.UTC)));
        BackingServices services = BackingServices.get();
        TestDatabase auditDatabase = services.createDatabase();
        TestDatabase classifyDatabase = services.createDatabase();
        CompletableFuture<ConfigurableApplicationContext> auditStart = CompletableFuture.supplyAsync(
                () -> new SpringApplicationBuilder(AuditServiceApplication.class, AuditClock.class)
                        .run(auditArguments(auditDatabase)));
        classify = new SpringApplicationBuilder(ClassifyServiceApplication.class, TrainedModel.class)
                .run(classifyArguments(classifyDatabase, services.redis()));
        audit = auditStart.join();
    }

    @AfterAll
    static void stopServices() {
        if (classify != null) {
            classify.close();
        }
        if (audit != null) {
            audit.close();
        }
    }

    private static String[] auditArguments(TestDatabase database) {
        List<String> arguments = new ArrayList<>(common(database, auditPort, "audit-service", "audit"));
        arguments.addAll(SuiteArguments.auditStorage(storage));
        arguments.add("--triage.audit.report.min-group-size=10");
        return arguments.toArray(String[]::new);
    }

    private static String[] classifyArguments(TestDatabase database, RedisEndpoint redis) {
        String nowhere = "http://127.0.0.1:9"; // rules-engine, embedding-service, ingestion-service: not running
        List<String> arguments = new ArrayList<>(common(database, classifyPort, "classify-service", "classify"));
        arguments.addAll(List.of(
                "--spring.data.redis.host=" + redis.host(),
                "--spring.data.redis.port=" + redis.port(),
                "--triage.platform.redis-key-prefix=" + redis.keyPrefix(),
                "--spring.http.serviceclient.audit.base-url=http://127.0.0.1:" + auditPort,
                "--spring.http.serviceclient.audit.default-header.X-API-Key=" + ApiKeys.CLASSIFY_SERVICE,
                "--spring.http.serviceclient.rules.base-url=" + nowhere,
                "--spring.http.serviceclient.embedding.base-url=" + nowhere,
                "--spring.http.serviceclient.ingestion.base-url=" + nowhere,
                "--triage.classify.tiers.rules.evaluation=remote",
                "--triage.platform.resilience.max-attempts=1",
                "--triage.platform.resilience.minimum-calls=4",
                "--triage.platform.resilience.open-state-wait=10m"));
        return arguments.toArray(String[]::new);
    }

    private static List<String> common(TestDatabase database, int port, String name, String schema) {
        return List.of("--server.port=" + port, "--spring.application.name=" + name,
                "--triage.platform.schema=" + schema,
                "--spring.datasource.url=" + database.jdbcUrl(),
                "--spring.flyway.user=" + database.adminUser(),
                "--spring.flyway.password=" + database.adminPassword(),
                "--spring.datasource.hikari.maximum-pool-size=8",
                "--spring.modulith.events.republish-outstanding-events-on-restart=false",
                "--spring.lifecycle.timeout-per-shutdown-phase=2s");
    }

    /** One classified ticket: its channel and what classify decided. */
    private record Decided(SyntheticTicket ticket, String decisionId, String routingMethod, String department) {
    }

    @Test
    void aChannelWhoseDecisionsAgentsMostlyCorrectIsFlaggedInTheMonthlyReport() throws Exception {
        List<SyntheticTicket> tickets = new TicketGenerator(29).generate(120);
        Map<Integer, Decided> decided = new ConcurrentHashMap<>();
        try (ExecutorService clients = Executors.newFixedThreadPool(4)) {
            for (int i = 0; i < tickets.size(); i++) {
                int index = i;
                clients.submit(() -> decided.put(index, classify(tickets.get(index))));
            }
        }
        assertThat(decided).hasSize(tickets.size());

        int judged = 0;
        try (ExecutorService agents = Executors.newFixedThreadPool(4)) {
            for (int i = 0; i < tickets.size(); i++) {
                Decided decision = decided.get(i);
                if (decision.routingMethod().equals("NEEDS_REVIEW")) {
                    continue; // abstentions never count towards accuracy
                }
                judged++;
                boolean wrong = decision.ticket().channel().equals(WORSE_CHANNEL) && i % 5 != 0;
                String correct = wrong ? otherThan(decision.department()) : decision.department();
                String source = i % 2 == 0 ? "agent" : "ticketing-system";
                agents.submit(() -> feedback(decision, correct, source));
            }
        }
        int expectedJudged = judged;

        // Everything reaches audit-service through classify's relays; the running figures show when it has.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode running = JsonBody.tree(ServiceHttp.onPort(auditPort)
                    .get("/audit/reports/monthly?month=" + month, ApiKeys.COMPLIANCE));
            assertThat(running.path("decisions").asLong()).isEqualTo(tickets.size());
            assertThat(running.path("judged").asLong()).isEqualTo(expectedJudged);
        });

        AUDIT_CLOCK.shift(Duration.ZERO); // the month has ended
        HttpResponse<String> accepted = ServiceHttp.onPort(auditPort).post(
                "/audit/reports/monthly/run?month=" + month, ApiKeys.COMPLIANCE, "");
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String location = accepted.headers().firstValue("Location").orElseThrow();
        JsonNode job = await().atMost(Duration.ofSeconds(30)).until(
                () -> JsonBody.tree(ServiceHttp.onPort(auditPort).get(location, ApiKeys.COMPLIANCE)),
                polled -> !polled.path("state").asString().equals("RUNNING"));

        assertThat(job.path("state").asString()).as(job.toString()).isEqualTo("SUCCEEDED");
        JsonNode report = JsonBody.tree(Files.readString(storage.resolve("archive/report-" + month + ".json")));
        // The decided department may be flagged too: the worse channel's tickets are not spread evenly over the
        // departments (chat is mostly Technical Support), so its wrong decisions pull one department down.
        assertThat(JsonBody.elements(job.path("result").path("flaggedGroups")).stream()
                .filter(flagged -> !flagged.path("attribute").asString().equals("department")))
                .as("exactly the worse channel, no other channel, language or segment: %s", report.path("biasChecks"))
                .singleElement().satisfies(flagged -> {
                    assertThat(flagged.path("attribute").asString()).isEqualTo("channel");
                    assertThat(flagged.path("group").asString()).isEqualTo(WORSE_CHANNEL);
                });
        JsonNode channels = check(report, "channel");
        assertThat(JsonBody.elements(channels.path("groups")).stream().map(g -> g.path("group").asString()))
                .containsExactlyInAnyOrderElementsOf(TicketLabels.CHANNELS);
        assertThat(JsonBody.elements(channels.path("flaggedGroups")).stream().map(JsonNode::asString))
                .containsExactly(WORSE_CHANNEL);
        assertThat(JsonBody.elements(check(report, "language").path("groups")).stream()
                .map(g -> g.path("group").asString())).containsExactlyInAnyOrderElementsOf(TicketLabels.LANGUAGES);
        assertThat(JsonBody.elements(check(report, "customerSegment").path("groups")).stream()
                .map(g -> g.path("group").asString())).containsExactlyInAnyOrderElementsOf(SEGMENTS);
        assertThat(storage.resolve("archive/report-" + month + ".html")).content().contains("FLAGGED");
        assertThat(storage.resolve("archive/report-" + month + ".csv")).content()
                .contains("bias:channel,\"" + WORSE_CHANNEL + "\",");
    }

    private static Decided classify(SyntheticTicket ticket) {
        String segment = SEGMENTS.get(Math.floorMod(ticket.customerId().hashCode(), SEGMENTS.size()));
        HttpResponse<String> response = ServiceHttp.onPort(classifyPort).post("/classify", ApiKeys.CLASSIFIER,
                JSON.writeValueAsString(Map.of("ticketId", ticket.ticketId(), "subject", ticket.subject(),
                        "description", ticket.description(), "channel", ticket.channel(),
                        "customerId", ticket.customerId(), "language", ticket.language(),
                        "customerSegment", segment)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = JsonBody.tree(response.body());
        return new Decided(ticket, body.path("decisionId").asString(), body.path("routingMethod").asString(),
                body.path("department").path("label").asString());
    }

    private static void feedback(Decided decision, String department, String source) {
        HttpResponse<String> response = ServiceHttp.onPort(classifyPort).post("/feedback", ApiKeys.CLASSIFIER,
                JSON.writeValueAsString(Map.of("decisionId", decision.decisionId(), "department", department,
                        "source", source)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

    private static String otherThan(String department) {
        List<String> departments = TicketLabels.DEPARTMENTS;
        return departments.get((departments.indexOf(department) + 1) % departments.size());
    }

    private static JsonNode check(JsonNode report, String attribute) {
        return JsonBody.elements(report.path("biasChecks")).stream()
                .filter(check -> check.path("attribute").asString().equals(attribute)).findFirst().orElseThrow();
    }
}
