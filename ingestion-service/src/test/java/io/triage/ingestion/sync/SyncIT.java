package io.triage.ingestion.sync;

import static io.triage.testsupport.JsonBody.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import io.micrometer.core.instrument.MeterRegistry;
import io.triage.ingestion.testing.SimulatedSources;
import io.triage.simulators.SimClock;
import io.triage.simulators.SimJson;
import io.triage.simulators.fault.Fault;
import io.triage.simulators.jira.JiraSettings;
import io.triage.simulators.jira.JiraSimulator;
import io.triage.simulators.servicenow.ServiceNowSettings;
import io.triage.simulators.servicenow.ServiceNowSimulator;
import io.triage.simulators.zendesk.ZendeskSettings;
import io.triage.simulators.zendesk.ZendeskSimulator;
import io.triage.testsupport.ApiKeys;
import io.triage.testsupport.IsolatedBackingServices;
import io.triage.testsupport.PlatformContract;
import io.triage.testsupport.ServiceHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

// Where tickets flow next is TicketFlowIT's subject; here nothing listens for them.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"triage.ingestion.flow.classify=false", "triage.ingestion.flow.index=false"})
@IsolatedBackingServices
class SyncIT {

    static ServiceNowSimulator servicenow;
    static ZendeskSimulator zendesk;
    static JiraSimulator jira;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry meters;

    /** Runs before the application context starts (and so before {@link #sources}'s values are read). */
    @BeforeAll
    static void startSimulators() {
        servicenow = new ServiceNowSimulator(ServiceNowSettings.defaults(), SimClock.at(Instant.now())).start(0);
        // The export's own 10 requests/min would slow every test; the 429 test injects its refusal instead.
        zendesk = new ZendeskSimulator(ZendeskSettings.defaults().withExportRequestsPerMinute(0),
                SimClock.at(Instant.now())).start(0);
        jira = new JiraSimulator(JiraSettings.defaults(), SimClock.at(Instant.now())).start(0);
    }

    @DynamicPropertySource
    static void sources(DynamicPropertyRegistry registry) {
        SimulatedSources.servicenow(registry, servicenow);
        registry.add(SimulatedSources.SERVICENOW + "page-size", () -> "10");
        SimulatedSources.zendesk(registry, zendesk);
        registry.add(SimulatedSources.ZENDESK + "page-size", () -> "5");
        SimulatedSources.jira(registry, jira);
        registry.add(SimulatedSources.JIRA + "page-size", () -> "3");
    }

    @AfterAll
    static void stopSimulators() {
        servicenow.close();
        zendesk.close();
        jira.close();
    }

    ServiceHttp http() {
        return ServiceHttp.onPort(port);
    }

    /** Starts a pull through the API and waits for its end; answers the finished run. */
    String pull(String source) {
        return SimulatedSources.pullOnce(http(), source);
    }

    /** A sync run's status: RUNNING, SUCCEEDED, FAILED or SKIPPED. */
    static String status(String run) {
        return JsonPath.read(run, "$.status");
    }

    long stored(String source, List<String> externalIds) {
        return jdbc.sql("SELECT count(*) FROM tickets WHERE source = :source AND external_id IN (:ids)")
                .param("source", source).param("ids", externalIds).query(Long.class).single();
    }

    long feedPosition() {
        return jdbc.sql("SELECT coalesce(max(seq), 0) FROM tickets_clean").query(Long.class).single();
    }

    List<String> seedIncidents(int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(servicenow.createIncident(Map.of("short_description", "VPN drops " + i,
                    "description", "It drops every hour", "urgency", "2", "impact", "2")).get("sys_id"));
        }
        return ids;
    }

    long requests(ServiceNowSimulator simulator, String path, String bodyPart) {
        return simulator.requests().stream().filter(r -> r.path().equals(path))
                .filter(r -> r.bodyText().contains(bodyPart)).count();
    }

    @Test
    void serviceNowPullAcrossPagesStoresEachIncidentOnceAndASecondPullNothingNew() {
        List<String> ids = seedIncidents(25);

        String first = pull("servicenow");
        long afterFirst = feedPosition();
        String second = pull("servicenow");

        assertThat(status(first)).isEqualTo("SUCCEEDED");
        assertThat(stored("SERVICENOW", ids)).isEqualTo(25);
        assertThat(status(second)).isEqualTo("SUCCEEDED");
        assertThat(feedPosition()).as("the overlap re-read changed nothing").isEqualTo(afterFirst);
        assertThat(jdbc.sql("SELECT number FROM tickets WHERE external_id = ?").param(ids.getFirst())
                .query(String.class).single()).startsWith("INC");
    }

    @Test
    void aPullLeftRunningByADeadReplicaIsMarkedInterruptedByTheNextOne() {
        UUID orphan = UUID.randomUUID();
        jdbc.sql("INSERT INTO sync_runs (id, source, trigger, status, started_at) "
                + "VALUES (?, 'SERVICENOW', 'request', 'RUNNING', now() - interval '10 minutes')").param(orphan)
                .update();

        assertThat(status(pull("servicenow"))).isEqualTo("SUCCEEDED");

        String orphanRun = http().get("/sources/syncs/" + orphan, ApiKeys.OPS).body();
        assertThat(status(orphanRun)).isEqualTo("FAILED");
        assertThat(JsonPath.<String>read(orphanRun, "$.error")).isEqualTo("interrupted");
    }

    @Test
    void aDeadReplicasLockOnASourceExpiresWithinAMinuteNotHalfAnHour() {
        assertThat(status(pull("servicenow"))).isEqualTo("SUCCEEDED");
        seedIncidents(1);
        servicenow.faults().nextRequests(1, new Fault.Slow(Duration.ofSeconds(3)));

        HttpResponse<String> started = http().post("/sources/servicenow/sync", ApiKeys.OPS, "");
        Double heldFor = await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).until(
                () -> jdbc.sql("SELECT extract(epoch FROM lock_until - locked_at) FROM shedlock "
                        + "WHERE name = 'ingestion-sync-servicenow' AND lock_until > now()")
                        .query(Double.class).optional().orElse(null), held -> held != null);

        assertThat(heldFor).as("taken for a minute and extended while the pull runs, so a crash blocks a minute")
                .isLessThanOrEqualTo(60.0);
        String location = started.headers().firstValue("Location").orElseThrow();
        assertThat(status(await().atMost(Duration.ofSeconds(60)).until(() -> http().get(location, ApiKeys.OPS)
                .body(), run -> !"RUNNING".equals(status(run))))).isEqualTo("SUCCEEDED");
    }

    @Test
    void expiredServiceNowTokenIsRefreshedOnceAndTheCallRepeated() {
        assertThat(status(pull("servicenow"))).isEqualTo("SUCCEEDED");
        List<String> ids = seedIncidents(1);
        long refreshesBefore = requests(servicenow, "/oauth_token.do", "grant_type=refresh_token");
        servicenow.faults().nextRequests(1, new Fault.ExpiredToken());

        String run = pull("servicenow");

        assertThat(status(run)).isEqualTo("SUCCEEDED");
        assertThat(stored("SERVICENOW", ids)).isEqualTo(1);
        assertThat(requests(servicenow, "/oauth_token.do", "grant_type=refresh_token") - refreshesBefore)
                .isEqualTo(1);
    }

    @Test
    void serviceNowServerErrorsAreRetried() {
        assertThat(status(pull("servicenow"))).isEqualTo("SUCCEEDED");
        List<String> ids = seedIncidents(1);
        servicenow.faults().nextRequests(2, new Fault.ServerError(503));

        String run = pull("servicenow");

        assertThat(status(run)).isEqualTo("SUCCEEDED");
        assertThat(stored("SERVICENOW", ids)).isEqualTo(1);
    }

    @Test
    void zendeskPullFollowsTheCursorAcrossPagesAndASecondPullStoresNothingNew() {
        List<String> ids = new ArrayList<>();
        String tenMinutesAgo = Instant.now().minus(Duration.ofMinutes(10)).truncatedTo(
                java.time.temporal.ChronoUnit.SECONDS).toString();
        for (int i = 0; i < 12; i++) {
            ids.add(zendesk.createTicket(SimJson.parse("""
                    {"subject":"Printer %d","description":"<p>on <b>fire</b></p>","priority":"high",
                     "created_at":"%s","updated_at":"%s"}""".formatted(i, tenMinutesAgo, tenMinutesAgo)))
                    .get("id").asString());
        }

        String first = pull("zendesk");
        long afterFirst = feedPosition();
        String second = pull("zendesk");

        assertThat(status(first)).isEqualTo("SUCCEEDED");
        assertThat(stored("ZENDESK", ids)).isEqualTo(12);
        assertThat(status(second)).isEqualTo("SUCCEEDED");
        assertThat(feedPosition()).isEqualTo(afterFirst);
        assertThat(jdbc.sql("SELECT cursor FROM sync_watermarks WHERE source = 'ZENDESK'").query(String.class)
                .single()).isNotBlank();
    }

    @Test
    void zendeskRateLimitIsWaitedOutAsRetryAfterSays() {
        long exportsBefore = exports();
        zendesk.faults().nextRequests(1, new Fault.RateLimited(Duration.ofSeconds(2)));
        long start = System.nanoTime();

        String run = pull("zendesk");

        assertThat(status(run)).isEqualTo("SUCCEEDED");
        assertThat(exports() - exportsBefore).as("the refused call and its retry").isGreaterThanOrEqualTo(2);
        // The backoff alone would retry after about 200 ms; only Retry-After makes the pull take 2 s.
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
    }

    long exports() {
        return zendesk.requests().stream().filter(r -> r.path().startsWith("/api/v2/incremental")).count();
    }

    @Test
    void jiraPullFollowsNextPageTokenAndASecondPullStoresNothingNew() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            ids.add(jira.createIssue(SimJson.parse("{\"summary\":\"VPN %d\",\"description\":\"drops\"}".formatted(i)))
                    .get("id").asString());
        }

        String first = pull("jira");
        long afterFirst = feedPosition();
        String second = pull("jira");

        assertThat(status(first)).isEqualTo("SUCCEEDED");
        assertThat(stored("JIRA", ids)).isEqualTo(7);
        assertThat(status(second)).isEqualTo("SUCCEEDED");
        assertThat(feedPosition()).isEqualTo(afterFirst);
    }

    @Test
    void syncNeedsTheOpsRole() {
        PlatformContract.assertProblem(http().post("/sources/jira/sync", ApiKeys.CLASSIFIER, ""), 403);
    }

    @Test
    void unknownSourceIs404() {
        PlatformContract.assertProblem(http().post("/sources/fax/sync", ApiKeys.OPS, ""), 404);
    }

    @Test
    void retryAfterBeyondTheCapFailsThePullWithoutWaiting() {
        zendesk.faults().nextRequests(1, new Fault.RateLimited(Duration.ofSeconds(600)));
        long start = System.nanoTime();

        String run = pull("zendesk");

        assertThat(status(run)).isEqualTo("FAILED");
        assertThat(json(run)).extractingPath("$.error").asString().contains("TooManyRequests");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(60));
    }

    @Test
    void pullOfASourceAlreadyBeingPulledIsSkipped() {
        servicenow.faults().nextRequests(1, new Fault.Slow(Duration.ofSeconds(3)));
        int requestsBefore = servicenow.requests().size();
        HttpResponse<String> busy = http().post("/sources/servicenow/sync", ApiKeys.OPS, "");
        assertThat(busy.statusCode()).isEqualTo(202);
        // The first pull holds the source's lock while its (slowed) first call is in flight.
        await().atMost(Duration.ofSeconds(30)).until(() -> servicenow.requests().size() > requestsBefore);

        String second = pull("servicenow");

        assertThat(status(second)).isEqualTo("SKIPPED");
        String first = busy.headers().firstValue("Location").orElseThrow();
        assertThat(status(await().atMost(Duration.ofSeconds(60)).until(() -> http().get(first, ApiKeys.OPS).body(),
                run -> !"RUNNING".equals(status(run))))).isEqualTo("SUCCEEDED");
    }

    @Test
    void successfulPullRecordsLastSuccessLagAndOutcome() {
        jira.createIssue(SimJson.parse("{\"summary\":\"Lag probe\",\"description\":\"x\"}"));
        double succeededBefore = meters.counter("ingestion_pulls_total", "source", "jira", "outcome", "succeeded")
                .count();

        assertThat(status(pull("jira"))).isEqualTo("SUCCEEDED");

        assertThat(meters.get("ingestion_source_last_success_seconds").tag("source", "jira").gauge().value())
                .isCloseTo((double) Instant.now().getEpochSecond(), within(120.0));
        assertThat(meters.get("ingestion_source_lag_seconds").tag("source", "jira").gauge().value())
                .isNotNaN().isGreaterThanOrEqualTo(0);
        assertThat(meters.counter("ingestion_pulls_total", "source", "jira", "outcome", "succeeded").count())
                .isEqualTo(succeededBefore + 1);
    }
}
