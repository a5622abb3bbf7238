package io.triage.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.triage.testsupport.ApiKeys;
import io.triage.testsupport.IsolatedBackingServices;
import io.triage.testsupport.JsonBody;
import io.triage.testsupport.PlatformContract;
import io.triage.testsupport.ServiceHttp;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The monthly report job: the schedule (here every second, by a clock the test moves) writes the previous month's
 * report to the archive store; {@code POST /audit/reports/monthly/run} does it for a given ended month as a job to
 * poll; reruns leave the files as they were; a group far below the overall accuracy is flagged and measured.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "triage.audit.report.cron=* * * * * *",
        "triage.audit.report.min-group-size=5"})
@IsolatedBackingServices
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MonthlyReportJobIT {

    static final MutableClock CLOCK = new MutableClock(Instant.parse("2025-03-10T12:00:00Z"));

    @TempDir
    static Path storage;

    @TestConfiguration
    static class ClockConfiguration {
        @Bean
        @Primary
        MutableClock testClock() {
            return CLOCK;
        }
    }

    @DynamicPropertySource
    static void storage(DynamicPropertyRegistry registry) {
        LocalStorage.in(storage, registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    ServiceHttp http() {
        return ServiceHttp.onPort(port);
    }

    static Path archived(String name) {
        return storage.resolve("archive").resolve(name);
    }

    void record(UUID id, String channel) {
        HttpResponse<String> response = http().post("/audit/events", ApiKeys.CLASSIFY_SERVICE,
                Decisions.event(id, "T-" + id, "ML", "billing", "0.9", channel, "en", "retail"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

    int feedback(UUID feedbackId, UUID decision, String correctDepartment) {
        return http().post("/audit/feedback", ApiKeys.CLASSIFY_SERVICE, """
                {"feedbackId":"%s","decisionEventId":"%s","correctDepartment":"%s","source":"agent"}"""
                .formatted(feedbackId, decision, correctDepartment)).statusCode();
    }

    JsonNode awaitJob(HttpResponse<String> accepted) {
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String location = accepted.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith("/audit/reports/monthly/jobs/");
        return await().atMost(Duration.ofSeconds(30)).until(
                () -> JsonBody.tree(http().get(location, ApiKeys.COMPLIANCE)),
                job -> !job.path("state").asString().equals("RUNNING"));
    }

    @Test
    @Order(1)
    void theScheduleWritesThePreviousMonthsReportToTheArchiveStore() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(List.of(
                "report-2025-02.html", "report-2025-02.csv", "report-2025-02.json"))
                .allSatisfy(name -> assertThat(archived(name)).exists()));
        assertThat(jdbc.sql("SELECT count(*) FROM report_jobs WHERE month = '2025-02' AND trigger = 'schedule'"
                + " AND state = 'SUCCEEDED'").query(Long.class).single()).isPositive();
    }

    @Test
    @Order(2)
    void aMonthThatHasNotEndedOrIsMalformedIs400NamingMonth() {
        for (String month : List.of("2025-03", "2025-04", "March", "2025-13", "")) {
            HttpResponse<String> response = http().post("/audit/reports/monthly/run?month=" + month,
                    ApiKeys.COMPLIANCE, "");
            PlatformContract.assertProblem(response, 400);
            assertThat(JsonBody.tree(response.body()).path("field").asString()).as(month).isEqualTo("month");
        }
        PlatformContract.assertProblem(http().post("/audit/reports/monthly/run?month=2025-01", ApiKeys.ANALYST, ""),
                403);
    }

    @Test
    @Order(3)
    void aRequestedRunWritesTheReportFlagsTheWorseChannelAndCountsARedeliveryOnce() throws Exception {
        // email: 10 decisions, all right; chat: 10 decisions, 3 right; web: 10 decisions, 9 right.
        for (int i = 0; i < 10; i++) {
            UUID email = UUID.randomUUID();
            UUID chat = UUID.randomUUID();
            UUID web = UUID.randomUUID();
            record(email, "email");
            record(chat, "chat");
            record(web, "web");
            UUID feedbackId = UUID.randomUUID();
            assertThat(feedback(feedbackId, email, "billing")).isEqualTo(201);
            assertThat(feedback(feedbackId, email, "billing")).as("a redelivery").isEqualTo(200);
            assertThat(feedback(UUID.randomUUID(), chat, i < 3 ? "billing" : "fraud")).isEqualTo(201);
            assertThat(feedback(UUID.randomUUID(), web, i < 9 ? "billing" : "fraud")).isEqualTo(201);
        }
        CLOCK.set(Instant.parse("2025-05-02T03:00:00Z"));
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("SELECT count(*) FROM report_jobs WHERE month"
                + " = '2025-04' AND state = 'SUCCEEDED'").query(Long.class).single() > 0);

        JsonNode job = awaitJob(http().post("/audit/reports/monthly/run?month=2025-03", ApiKeys.COMPLIANCE, ""));

        assertThat(job.path("state").asString()).as(job.toString()).isEqualTo("SUCCEEDED");
        JsonNode result = job.path("result");
        assertThat(JsonBody.elements(result.path("written")).stream().map(JsonNode::asString))
                .containsExactly("report-2025-03.html", "report-2025-03.csv", "report-2025-03.json");
        assertThat(result.path("decisions").asLong()).isEqualTo(30);
        assertThat(result.path("judged").asLong()).as("the redelivered feedback counts once").isEqualTo(30);
        assertThat(JsonBody.elements(result.path("flaggedGroups"))).singleElement().satisfies(group -> {
            assertThat(group.path("attribute").asString()).isEqualTo("channel");
            assertThat(group.path("group").asString()).isEqualTo("chat");
            assertThat(group.path("accuracy").asDouble()).isEqualTo(0.3);
        });
        JsonNode stored = JsonBody.tree(Files.readString(archived("report-2025-03.json")));
        assertThat(stored.path("month").asString()).isEqualTo("2025-03");
        assertThat(stored.path("biasChecks").get(0).path("flaggedGroups").get(0).asString()).isEqualTo("chat");
        assertThat(Files.readString(archived("report-2025-03.csv")))
                .contains("bias:channel,\"chat\",10,", "bias:channel,\"email\",10,0.3333,0.0000,10,1.0000,false");
        assertThat(Files.readString(archived("report-2025-03.html"))).contains("FLAGGED");
        String metrics = http().get("/metrics", ApiKeys.OPS).body();
        assertThat(metrics).contains(
                "audit_report_bias_gap{attribute=\"channel\",group=\"chat\"}",
                "audit_report_bias_flagged_groups{attribute=\"channel\"} 1.0",
                "audit_reports_written_total{format=\"json\"}");
        Matcher alerted = Pattern.compile("\\baudit_report_[a-z_]+").matcher(
                Files.readString(Path.of("..", "grafana", "alerts", "triage-alerts.yml")));
        assertThat(alerted.results().map(MatchResult::group).toList()).as("series the alerts watch").isNotEmpty()
                .allSatisfy(series -> assertThat(metrics).contains(series + "{"));
    }

    @Test
    @Order(4)
    void aRerunLeavesTheWrittenFilesAsTheyWere() throws Exception {
        String before = Files.readString(archived("report-2025-03.json"));

        JsonNode job = awaitJob(http().post("/audit/reports/monthly/run?month=2025-03", ApiKeys.OPS, ""));

        assertThat(job.path("state").asString()).isEqualTo("SUCCEEDED");
        assertThat(job.path("result").path("written").isEmpty()).isTrue();
        assertThat(job.path("result").path("skipped").size()).isEqualTo(3);
        assertThat(Files.readString(archived("report-2025-03.json"))).isEqualTo(before);
        PlatformContract.assertProblem(http().get("/audit/reports/monthly/jobs/" + UUID.randomUUID(),
                ApiKeys.COMPLIANCE), 404);
    }
}
