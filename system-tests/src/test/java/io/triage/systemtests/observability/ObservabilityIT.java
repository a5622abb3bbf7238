package io.triage.systemtests.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import io.triage.audit.AuditServiceApplication;
import io.triage.classify.ClassifyServiceApplication;
import io.triage.gdpr.GdprServiceApplication;
import io.triage.ingestion.IngestionServiceApplication;
import io.triage.rules.RulesEngineApplication;
import io.triage.simulators.SimClock;
import io.triage.simulators.fault.Fault;
import io.triage.simulators.servicenow.ServiceNowSettings;
import io.triage.simulators.servicenow.ServiceNowSimulator;
import io.triage.simulators.slack.SlackSimulator;
import io.triage.systemtests.TrainedModel;
import io.triage.systemtests.observability.PromQueries.Query;
import io.triage.systemtests.SuiteArguments;
import io.triage.testsupport.ApiKeys;
import io.triage.testsupport.BackingServices;
import io.triage.testsupport.JsonBody;
import io.triage.testsupport.ServiceHttp;
import io.triage.testsupport.TestDatabase;
import io.triage.tickets.SyntheticTicket;
import io.triage.tickets.TicketGenerator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every dashboard query and every alert expression of grafana/ returns data from a real Prometheus scraping the real
 * services: rules-engine, classify-service (local rule evaluation, a trained model), audit-service, gdpr-service and
 * ingestion-service (ServiceNow and Slack simulated) run in this JVM; Prometheus scrapes them every second with the
 * scrape key as a bearer token; a little traffic (tickets and feedback, a rejected request, a failed and a
 * successful pull, a refused webhook, an erasure request, a chain verification) makes the business series exist.
 * Alert expressions are run without their thresholds (the series under the alert), since a healthy suite must not
 * fire. The binaries come from Debian's {@code prometheus} and {@code prometheus-alertmanager}; without them the test
 * is skipped with a warning, unless {@code TRIAGE_REQUIRE_PROMETHEUS=1} (set by {@code .ci/run}) makes it fail.
 */
class ObservabilityIT {

    /**
     * The key Prometheus scrapes with (role OPS). The one place to change when the scraper gets its own identity.
     */
    static final String SCRAPE_KEY = ApiKeys.OPS;
    static final String REQUIRE = "TRIAGE_REQUIRE_PROMETHEUS";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String NOWHERE = "http://127.0.0.1:9";
    private static final String SLACK_HOOK = "/services/T0001/B0001/removed";

    @TempDir
    static Path work;

    private static final Map<String, Integer> PORTS = new LinkedHashMap<>();
    private static final List<ConfigurableApplicationContext> SERVICES = new ArrayList<>();
    private static ServiceNowSimulator servicenow;
    private static SlackSimulator slack;
    private static PrometheusServer prometheus;
    private static Path promtool;
    private static Path amtool;

    @BeforeAll
    static void startEverything() throws Exception {
        Path prometheusBinary = requiredBinary("prometheus");
        promtool = requiredBinary("promtool");
        amtool = requiredBinary("amtool");
        for (String name : List.of("rules-engine", "classify-service", "audit-service", "gdpr-service",
                "ingestion-service")) {
            PORTS.put(name, SuiteArguments.freePort());
        }
        servicenow = new ServiceNowSimulator(ServiceNowSettings.defaults(), SimClock.at(Instant.now())).start(0);
        slack = new SlackSimulator().start(0);
        slack.disable(SLACK_HOOK);
        BackingServices backing = BackingServices.get();
        List<CompletableFuture<ConfigurableApplicationContext>> starting = List.of(
                boot("rules-engine", () -> new SpringApplicationBuilder(RulesEngineApplication.class)
                        .run(common(backing.createDatabase(), "rules-engine", "rules"))),
                boot("classify-service", () -> new SpringApplicationBuilder(ClassifyServiceApplication.class, TrainedModel.class)
                        .run(classifyArguments(backing))),
                boot("audit-service", () -> new SpringApplicationBuilder(AuditServiceApplication.class)
                        .run(auditArguments(backing.createDatabase()))),
                boot("gdpr-service", () -> new SpringApplicationBuilder(GdprServiceApplication.class)
                        .run(gdprArguments(backing.createDatabase()))),
                boot("ingestion-service", () -> new SpringApplicationBuilder(IngestionServiceApplication.class)
                        .run(ingestionArguments(backing.createDatabase()))));
        CompletableFuture.allOf(starting.toArray(CompletableFuture[]::new)).exceptionally(failure -> null).join();
        for (CompletableFuture<ConfigurableApplicationContext> service : starting) {
            if (!service.isCompletedExceptionally()) {
                SERVICES.add(service.join()); // closed after the test even if another one failed to start
            }
        }
        starting.forEach(CompletableFuture::join); // the first start-up failure, if any
        prometheus = PrometheusServer.start(prometheusBinary, work, PORTS, SCRAPE_KEY, PromQueries.ALERTS);
        await().atMost(Duration.ofSeconds(30)).until(prometheus::ready);
    }

    /** The binary, or the test skipped with a warning (failed where {@value #REQUIRE}=1). */
    private static Path requiredBinary(String name) {
        Optional<Path> binary = PrometheusServer.binary(name);
        if (binary.isEmpty()) {
            String message = name + " is not installed (Debian: apt-get install prometheus prometheus-alertmanager)"
                    + ": the dashboards and alerts are NOT checked against a real Prometheus";
            if ("1".equals(System.getenv(REQUIRE))) {
                fail(message + " although " + REQUIRE + "=1");
            }
            System.err.println("WARNING: ObservabilityIT SKIPPED: " + message);
            Assumptions.abort(message);
        }
        return binary.orElseThrow();
    }

    private static CompletableFuture<ConfigurableApplicationContext> boot(String name,
            Supplier<ConfigurableApplicationContext> service) {
        long started = System.nanoTime();
        return CompletableFuture.supplyAsync(service).thenApply(context -> {
            System.out.printf("ObservabilityIT: %s started in %.1f s%n", name, (System.nanoTime() - started) / 1e9);
            return context;
        });
    }

    private static String[] common(TestDatabase database, String name, String schema, String... more) {
        return SuiteArguments.service(database, PORTS.get(name), name, schema, more);
    }

    private static String url(String service) {
        return "http://127.0.0.1:" + PORTS.get(service);
    }

    private static String[] classifyArguments(BackingServices backing) {
        var redis = backing.redis();
        return common(backing.createDatabase(), "classify-service", "classify",
                "--spring.data.redis.host=" + redis.host(),
                "--spring.data.redis.port=" + redis.port(),
                "--triage.platform.redis-key-prefix=" + redis.keyPrefix(),
                "--spring.http.serviceclient.rules.base-url=" + url("rules-engine"),
                "--spring.http.serviceclient.rules.default-header.X-API-Key=" + ApiKeys.CLASSIFY_SERVICE,
                "--spring.http.serviceclient.audit.base-url=" + url("audit-service"),
                "--spring.http.serviceclient.audit.default-header.X-API-Key=" + ApiKeys.CLASSIFY_SERVICE,
                "--spring.http.serviceclient.ingestion.base-url=" + url("ingestion-service"),
                "--spring.http.serviceclient.ingestion.default-header.X-API-Key=" + ApiKeys.CLASSIFY_SERVICE,
                "--spring.http.serviceclient.embedding.base-url=" + NOWHERE,
                "--triage.classify.tiers.rules.evaluation=local",
                "--triage.classify.tiers.rules.refresh-interval=1s",
                "--triage.platform.resilience.max-attempts=1");
    }

    private static String[] auditArguments(TestDatabase database) {
        return common(database, "audit-service", "audit", SuiteArguments.auditStorage(work).toArray(String[]::new));
    }

    private static String[] gdprArguments(TestDatabase database) {
        return common(database, "gdpr-service", "gdpr",
                "--spring.http.serviceclient.ingestion.base-url=" + url("ingestion-service"),
                "--spring.http.serviceclient.classify.base-url=" + url("classify-service"),
                "--spring.http.serviceclient.audit.base-url=" + url("audit-service"),
                "--spring.http.serviceclient.embedding.base-url=" + NOWHERE);
    }

    private static String[] ingestionArguments(TestDatabase database) {
        String sn = "--triage.ingestion.sources.servicenow.";
        return common(database, "ingestion-service", "ingestion",
                "--triage.ingestion.flow.classify=false",
                "--triage.ingestion.flow.index=false",
                sn + "enabled=true",
                sn + "base-url=" + servicenow.baseUri(),
                sn + "client-id=sim-client",
                sn + "client-secret=sim-secret",
                sn + "username=integration",
                sn + "password=integration-password",
                sn + "max-attempts=1",
                "--triage.ingestion.alerts.consecutive-failures=1",
                "--triage.ingestion.alerts.slack-webhook-url=" + slack.baseUri() + SLACK_HOOK);
    }

    @Test
    void everyDashboardQueryAndAlertExpressionReturnsDataFromTheRunningSuite() throws Exception {
        driveTraffic();
        List<Query> queries = new ArrayList<>(PromQueries.panelQueries());
        queries.addAll(PromQueries.alertQueries());

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(prometheus.targets())
                .as("every service scraped with the bearer key").hasSize(PORTS.size())
                .allSatisfy(target -> assertThat(target.path("health").asString())
                        .as("%s: %s", target.path("labels").path("application").asString(),
                                target.path("lastError").asString())
                        .isEqualTo("up")));
        Map<Query, Boolean> answered = new LinkedHashMap<>();
        try {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                for (Query query : queries) {
                    if (!answered.getOrDefault(query, false)) {
                        answered.put(query, !prometheus.query(query.expr()).isEmpty());
                    }
                }
                assertThat(answered.entrySet()).filteredOn(answer -> !answer.getValue())
                        .extracting(answer -> answer.getKey().origin() + ": " + answer.getKey().expr())
                        .as("queries that return no series").isEmpty();
            });
        } finally {
            report(answered);
        }
        assertThat(prometheus.ruleGroups()).as("Prometheus evaluates every rule without error").allSatisfy(
                group -> assertThat(JsonBody.elements(group.path("rules"))).allSatisfy(
                        rule -> assertThat(rule.path("health").asString())
                                .as("%s: %s", rule.path("name").asString(), rule.path("lastError").asString())
                                .isEqualTo("ok")));
    }

    @Test
    void alertRulesAndAlertmanagerRoutingPassTheirOwnTools() throws Exception {
        assertThat(run(promtool, "check", "rules", PromQueries.ALERTS.toString())).contains("SUCCESS");
        assertThat(run(amtool, "check-config", PromQueries.ALERTMANAGER.toString())).contains("SUCCESS");
        assertThat(route("severity=page")).isEqualTo("pagerduty,slack-warn");
        assertThat(route("severity=warn")).isEqualTo("slack-warn");
        assertThat(route("severity=info")).isEqualTo("slack-info");
    }

    private static String route(String labels) throws Exception {
        return run(amtool, "config", "routes", "test", "--config.file=" + PromQueries.ALERTMANAGER, labels)
                .lines().filter(line -> !line.startsWith("Warning:")).findFirst().orElse("").trim();
    }

    private static String run(Path binary, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(binary.toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor()).as("%s: %s", command, output).isZero();
        return output;
    }

    /** The "returns data" list, printed and kept in target/ for the build's reader. */
    private static void report(Map<Query, Boolean> answered) throws IOException {
        StringBuilder report = new StringBuilder("Dashboard panels and alert expressions against Prometheus:\n");
        answered.forEach((query, data) -> report.append(data ? "returns data: yes  " : "returns data: NO   ")
                .append(query.origin()).append("\n"));
        System.out.print(report);
        Files.writeString(Path.of("target", "observability-report.txt"), report);
    }

    /** Enough traffic for every business series: tickets, feedback, a refusal, pulls, a webhook, an erasure. */
    private static void driveTraffic() {
        ServiceHttp classify = ServiceHttp.onPort(PORTS.get("classify-service"));
        // The local rule set arrives from rules-engine within a refresh; its first rule routes this ticket.
        JsonNode ruled = await().atMost(Duration.ofSeconds(30)).until(
                () -> classify(classify, "T-OBS-RULE", "Charged twice",
                        "I have been charged twice for my plan. Please refund the duplicate payment."),
                decided -> decided.path("routingMethod").asString().equals("RULE"));
        feedback(classify, ruled);
        for (SyntheticTicket ticket : new TicketGenerator(7).generate(12)) {
            JsonNode decided = classify(classify, ticket.ticketId(), ticket.subject(), ticket.description());
            if (!decided.path("routingMethod").asString().equals("NEEDS_REVIEW")) {
                feedback(classify, decided);
            }
        }
        assertThat(classify.post("/classify", ApiKeys.CLASSIFIER, "{}").statusCode()).isEqualTo(400);

        ServiceHttp ingestion = ServiceHttp.onPort(PORTS.get("ingestion-service"));
        servicenow.faults().percentage(100, 1, new Fault.ServerError(503));
        assertThat(pull(ingestion)).isEqualTo("FAILED");
        servicenow.faults().clear();
        assertThat(pull(ingestion)).isEqualTo("SUCCEEDED");
        assertThat(ingestion.post("/webhooks/servicenow", null, "{}").statusCode()).isEqualTo(401);

        HttpResponse<String> erasure = ServiceHttp.onPort(PORTS.get("gdpr-service"))
                .post("/gdpr/delete-customer-data", ApiKeys.COMPLIANCE, "{\"customerId\":\"CUST-OBS-1\"}");
        assertThat(erasure.statusCode()).as(erasure.body()).isBetween(200, 202);
        HttpResponse<String> verified = ServiceHttp.onPort(PORTS.get("audit-service"))
                .get("/audit/verify", ApiKeys.COMPLIANCE);
        assertThat(verified.statusCode()).as(verified.body()).isEqualTo(200);
    }

    private static JsonNode classify(ServiceHttp classify, String ticketId, String subject, String description) {
        HttpResponse<String> response = classify.post("/classify", ApiKeys.CLASSIFIER, JSON.writeValueAsString(
                Map.of("ticketId", ticketId, "subject", subject, "description", description, "channel", "email")));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JsonBody.tree(response.body());
    }

    /** The agent agrees with the decision. */
    private static void feedback(ServiceHttp classify, JsonNode decided) {
        HttpResponse<String> response = classify.post("/feedback", ApiKeys.CLASSIFIER, JSON.writeValueAsString(
                Map.of("decisionId", decided.path("decisionId").asString(),
                        "department", decided.path("department").path("label").asString(), "source", "agent")));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

    /** A ServiceNow pull through the API, to its end; a pull skipped for the source's lock is started again. */
    private static String pull(ServiceHttp ingestion) {
        for (int attempt = 1; ; attempt++) {
            HttpResponse<String> started = ingestion.post("/sources/servicenow/sync", ApiKeys.OPS, "");
            assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
            String location = started.headers().firstValue("Location").orElseThrow();
            String status = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                    .until(() -> JsonBody.tree(ingestion.get(location, ApiKeys.OPS).body()).path("status")
                            .asString(), state -> !"RUNNING".equals(state));
            if (!"SKIPPED".equals(status) || attempt == 5) {
                return status;
            }
        }
    }

    @AfterAll
    static void stopEverything() throws InterruptedException {
        if (prometheus != null) {
            prometheus.close();
        }
        SERVICES.forEach(ConfigurableApplicationContext::close);
        if (servicenow != null) {
            servicenow.close();
        }
        if (slack != null) {
            slack.close();
        }
    }
}
