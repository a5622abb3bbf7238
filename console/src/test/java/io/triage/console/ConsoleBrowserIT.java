package io.triage.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.triage.rules.RulesEngineApplication;
import io.triage.testsupport.ApiKeys;
import io.triage.testsupport.BackingServices;
import io.triage.testsupport.JsonBody;
import io.triage.testsupport.ServiceHttp;
import io.triage.testsupport.TestDatabase;
import io.triage.testsupport.stub.StubReply;
import io.triage.testsupport.stub.StubServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * The console in a real browser: rules-engine and the console booted in this JVM on random ports, then
 * {@code src/test/browser/console.mjs} drives Debian's Chromium through every delivered page with playwright-core
 * (installed by {@code ./triage test} under {@code var/tools/playwright}) and checks each with axe-core. Without
 * Chromium or playwright-core the test is skipped with a warning, and fails where {@value #REQUIRE}=1 (CI).
 */
class ConsoleBrowserIT {

    static final String REQUIRE = "TRIAGE_REQUIRE_BROWSER";
    private static final List<ConfigurableApplicationContext> SERVICES = new ArrayList<>();
    /** ingestion-service's recently validated tickets (its wire format), the Rules page's backtest sample. */
    static final String VALIDATED = """
            {"items": [
              {"id": "6f1c0d52-0000-4000-8000-000000000001", "customerId": null,
               "text": "Hello, I want to close my account at the end of the month.", "department": "Account Management",
               "urgency": "Medium", "sentiment": null, "validatedAt": "2026-11-20T10:00:00Z"},
              {"id": "6f1c0d52-0000-4000-8000-000000000002", "customerId": null,
               "text": "Please update my delivery address to 5 High Street.", "department": "Account Management",
               "urgency": "Low", "sentiment": null, "validatedAt": "2026-11-21T10:00:00Z"},
              {"id": "6f1c0d52-0000-4000-8000-000000000003", "customerId": null,
               "text": "My parcel never arrived although it says delivered.", "department": "Shipping/Delivery",
               "urgency": "High", "sentiment": null, "validatedAt": "2026-11-22T10:00:00Z"}],
             "next": null}""";
    static final String TICKET_A = "7a000000-0000-4000-8000-00000000000a";
    static final String TICKET_B = "7a000000-0000-4000-8000-00000000000b";
    static final String TICKET_C = "7a000000-0000-4000-8000-00000000000c";
    static final String DECISION_A = "d0000000-0000-4000-8000-00000000000a";
    /** ingestion-service's most recent tickets (sanitised copies, its wire format). */
    static final String RECENT = """
            [{"ticketId": "%s", "seq": 3, "source": "zendesk", "externalId": "ZD-3", "customerId": null,
              "channel": "email", "text": "Hi, [EMAIL] here. I was charged but my order is also missing.",
              "piiTypes": ["EMAIL"], "sourceUpdatedAt": "2026-12-01T10:00:00Z", "createdAt": "2026-12-01T10:00:01Z"},
             {"ticketId": "%s", "seq": 2, "source": "jira", "externalId": "SUP-2", "customerId": null,
              "channel": "web", "text": "Please reset my password.", "piiTypes": [],
              "sourceUpdatedAt": "2026-12-01T09:00:00Z", "createdAt": "2026-12-01T09:00:01Z"},
             {"ticketId": "%s", "seq": 1, "source": "servicenow", "externalId": "INC1", "customerId": null,
              "channel": "phone", "text": "Something about my account, call me on [PHONE].", "piiTypes": ["PHONE"],
              "sourceUpdatedAt": "2026-12-01T08:00:00Z", "createdAt": "2026-12-01T08:00:01Z"}]"""
            .formatted(TICKET_A, TICKET_B, TICKET_C);
    private static final StubServer ingestion = new StubServer();
    static final String ERASURE_ID = "e0000000-0000-4000-8000-000000000001";
    /** gdpr-service's completed erasure request (its wire format). */
    static final String ERASURE = """
            {"id": "%s", "customerId": null, "requestedBy": "local-compliance", "reason": "customer asked",
             "status": "COMPLETED", "createdAt": "2026-12-01T09:00:00Z", "dueAt": "2026-12-31T09:00:00Z",
             "overdue": false, "completedAt": "2026-12-01T09:05:00Z", "receipts": [
               {"store": "ingestion", "state": "DONE", "deletedRecords": 12, "receivedAt": "2026-12-01T09:01:00Z",
                "attempts": 1, "lastAttemptAt": "2026-12-01T09:01:00Z", "lastError": null, "details": {}},
               {"store": "embedding", "state": "DONE", "deletedRecords": 12, "receivedAt": "2026-12-01T09:02:00Z",
                "attempts": 2, "lastAttemptAt": "2026-12-01T09:02:00Z", "lastError": null, "details": {}},
               {"store": "classify", "state": "DONE", "deletedRecords": 30, "receivedAt": "2026-12-01T09:03:00Z",
                "attempts": 1, "lastAttemptAt": "2026-12-01T09:03:00Z", "lastError": null, "details": {}},
               {"store": "audit", "state": "DONE", "deletedRecords": 30, "receivedAt": "2026-12-01T09:05:00Z",
                "attempts": 1, "lastAttemptAt": "2026-12-01T09:05:00Z", "lastError": null, "details": {}}]}"""
            .formatted(ERASURE_ID);
    /** audit-service's verification of a chain with one tampered event (its wire format). */
    static final String VERIFICATION = """
            {"from": 1, "to": 120, "eventsChecked": 120, "checkpointsChecked": 2, "valid": false,
             "firstBrokenSeq": 42, "findings": [{"seq": 42, "kind": "HASH_MISMATCH",
               "detail": "stored hash does not match the recomputed one"}], "seconds": 0.03}""";
    /** ingestion-service's Prometheus exposition ({@code GET /metrics}): jira was not seen yet by this replica. */
    static final String METRICS = """
            # HELP ingestion_source_lag_seconds
            # TYPE ingestion_source_lag_seconds gauge
            ingestion_source_lag_seconds{application="ingestion-service",source="servicenow"} 7260.0
            ingestion_source_lag_seconds{application="ingestion-service",source="zendesk"} 45.0
            ingestion_source_lag_seconds{application="ingestion-service",source="jira"} NaN
            # TYPE ingestion_source_last_success_seconds gauge
            ingestion_source_last_success_seconds{application="ingestion-service",source="servicenow"} 1.7962848E9
            ingestion_source_last_success_seconds{application="ingestion-service",source="zendesk"} 1.7962884E9
            ingestion_source_last_success_seconds{application="ingestion-service",source="jira"} NaN
            # TYPE ingestion_pulls_total counter
            ingestion_pulls_total{application="ingestion-service",outcome="failed",source="servicenow"} 3.0
            ingestion_pulls_total{application="ingestion-service",outcome="succeeded",source="servicenow"} 11.0
            ingestion_pulls_total{application="ingestion-service",outcome="succeeded",source="zendesk"} 14.0
            # TYPE ingestion_writeback_total counter
            ingestion_writeback_total{application="ingestion-service",outcome="failed",source="zendesk"} 2.0
            ingestion_writeback_total{application="ingestion-service",outcome="succeeded",source="zendesk"} 40.0
            # TYPE ingestion_writeback_dead_letters gauge
            ingestion_writeback_dead_letters{application="ingestion-service",source="servicenow"} 0.0
            ingestion_writeback_dead_letters{application="ingestion-service",source="zendesk"} 1.0
            ingestion_writeback_dead_letters{application="ingestion-service",source="jira"} 0.0
            """;
    static final String DEAD_LETTER = "0b000000-0000-4000-8000-000000000001";
    static final String SUCCEEDED_WRITE_BACK = "0b000000-0000-4000-8000-000000000002";
    /** One write-back as ingestion-service's {@code WriteBack} record serialises it. */
    static String writeBack(String id, String state, int attempts) {
        return """
                {"id": "%s", "ticketId": "%s", "decisionId": "%s", "source": "ZENDESK", "externalId": "ZD-3",
                 "level": "FIELDS", "mappingVersion": 2, "state": "%s", "attempts": %d, "lastStatus": 422,
                 "lastError": "UnprocessableEntity", "plan": {"fields": {"group_id": 360001}, "note": "Routed"},
                 "createdAt": "2026-12-01T10:00:03Z", "updatedAt": "2026-12-01T10:00:09Z",
                 "completedAt": %s}""".formatted(id, TICKET_A, DECISION_A, state, attempts,
                state.equals("PENDING") ? "null" : "\"2026-12-01T10:00:09Z\"");
    }

    private static final StubServer classify = new StubServer();
    private static final StubServer gdpr = new StubServer();
    private static final StubServer audit = new StubServer();
    private static ServiceHttp rules;
    private static String consoleUrl;

    @BeforeAll
    static void startRulesEngineAndConsole() {
        ingestion.on("GET", "/tickets/validated", request -> StubReply.json(VALIDATED));
        ingestion.on("GET", "/tickets", request -> request.path().endsWith("/decision")
                ? StubReply.json(decision(request.path().split("/")[2])) : StubReply.json(RECENT));
        ingestion.on("GET", "/metrics", request -> StubReply.bytes(200, "text/plain; version=0.0.4; charset=utf-8",
                METRICS.getBytes(StandardCharsets.UTF_8)));
        ingestion.on("GET", "/writebacks", request -> StubReply.json("[" + writeBack(DEAD_LETTER, "FAILED", 3) + "]"));
        ingestion.on("POST", "/writebacks/" + DEAD_LETTER + "/replay",
                request -> StubReply.json(202, writeBack(DEAD_LETTER, "PENDING", 4)));
        ingestion.on("POST", "/writebacks/" + SUCCEEDED_WRITE_BACK + "/replay", request -> StubReply.bytes(409,
                "application/problem+json", ("{\"type\":\"about:blank\",\"title\":\"Conflict\",\"status\":409,"
                        + "\"detail\":\"Write-back " + SUCCEEDED_WRITE_BACK + " is SUCCEEDED; only a FAILED one is "
                        + "replayed\"}").getBytes(StandardCharsets.UTF_8)));
        gdpr.on("GET", "/gdpr/requests/" + ERASURE_ID, request -> StubReply.json(ERASURE));
        gdpr.on("GET", "/gdpr/requests/" + ERASURE_ID + "/certificate", request -> StubReply.json(
                "{\"certificate\":{\"requestId\":\"" + ERASURE_ID + "\"},\"signature\":\"c2ln\"}"));
        audit.on("GET", "/audit/verify", request -> StubReply.json(VERIFICATION));
        classify.on("POST", "/feedback", request -> StubReply.json(201,
                "{\"decisionId\":\"" + DECISION_A + "\",\"duplicate\":false}"));
        TestDatabase database = BackingServices.get().createDatabase();
        ConfigurableApplicationContext rulesEngine = new SpringApplicationBuilder(RulesEngineApplication.class).run(
                "--server.port=0", "--spring.application.name=rules-engine", "--triage.platform.schema=rules",
                "--spring.datasource.url=" + database.jdbcUrl(),
                "--spring.flyway.user=" + database.adminUser(),
                "--spring.flyway.password=" + database.adminPassword(),
                "--spring.flyway.locations=classpath:db/platform,classpath:db/migration/rules",
                "--spring.datasource.hikari.maximum-pool-size=3",
                "--spring.lifecycle.timeout-per-shutdown-phase=2s",
                "--logging.level.root=WARN");
        SERVICES.add(rulesEngine);
        String rulesUrl = "http://127.0.0.1:" + port(rulesEngine);
        rules = new ServiceHttp(rulesUrl);
        ConfigurableApplicationContext console = new SpringApplicationBuilder(ConsoleApplication.class).run(
                "--server.port=0", "--triage.console.rules-engine=" + rulesUrl,
                "--triage.console.ingestion-service=" + ingestion.baseUrl(),
                "--triage.console.classify-service=" + classify.baseUrl(),
                "--triage.console.gdpr-service=" + gdpr.baseUrl(),
                "--triage.console.audit-service=" + audit.baseUrl(),
                // plain HTTP on loopback, as ./triage serves it; every test signs in from 127.0.0.1
                "--server.servlet.session.cookie.secure=false", "--triage.console.sign-in-failures-per-minute=1000",
                "--spring.lifecycle.timeout-per-shutdown-phase=2s", "--logging.level.root=WARN");
        SERVICES.add(console);
        consoleUrl = "http://127.0.0.1:" + port(console) + "/";
    }

    @AfterAll
    static void stop() {
        SERVICES.reversed().forEach(ConfigurableApplicationContext::close);
        ingestion.close();
        classify.close();
        gdpr.close();
        audit.close();
    }

    @Test
    void everyPageWorksInChromium() throws Exception {
        Path chromium = required("Chromium (Debian: apt-get install chromium)", Stream.of("/usr/bin/chromium",
                "/usr/bin/chromium-browser").map(Path::of).filter(Files::isExecutable).findFirst());
        Path home = Path.of(System.getProperty("triage.playwright.home", "../var/tools/playwright"));
        required("playwright-core and axe-core (./triage test installs them under var/tools/playwright)",
                Optional.of(home.resolve("node_modules/playwright-core/package.json")).filter(Files::isRegularFile));
        Path screenshots = Files.createDirectories(Path.of(System.getProperty("triage.console.screenshots",
                "target/screenshots")));
        Path log = Files.createDirectories(Path.of("target")).resolve("console-browser.log");

        Path node = required("Node.js (Debian: apt-get install nodejs)", Stream.of("/usr/bin/node",
                "/usr/local/bin/node").map(Path::of).filter(Files::isExecutable).findFirst());
        ProcessBuilder browser = new ProcessBuilder(node.toString(),
                Path.of("src/test/browser/console.mjs").toAbsolutePath().toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        browser.environment().put("CONSOLE_URL", consoleUrl);
        browser.environment().put("CHROMIUM", chromium.toString());
        browser.environment().put("PLAYWRIGHT_HOME", home.toAbsolutePath().toString());
        browser.environment().put("SCREENSHOTS", screenshots.toAbsolutePath().toString());
        browser.environment().put("ERASURE_ID", ERASURE_ID);
        Process run = browser.start();
        boolean finished = run.waitFor(3, TimeUnit.MINUTES);
        String output = Files.readString(log, StandardCharsets.UTF_8);
        System.out.println(output);
        if (!finished) {
            run.destroyForcibly();
            fail("the browser run did not finish in 3 minutes:\n" + output);
        }
        assertThat(run.exitValue()).as(output).isZero();
        assertThat(output).contains("ALL PASSED").doesNotContain("FAIL ");

        // What the analyst published in the browser is what rules-engine now evaluates with.
        // (as classify-service asks it, with its own key).
        HttpResponse<String> evaluated = rules.post("/rules/evaluate", ApiKeys.CLASSIFY_SERVICE,
                "{\"ticketId\":\"t1\",\"subject\":\"Moving\",\"description\":\"Could you update the delivery address?\"}");
        JsonNode verdict = JsonBody.tree(evaluated);
        assertThat(verdict.path("ruleId").asString()).as(evaluated.body()).isEqualTo("R011");
        assertThat(verdict.path("ruleSetVersion").asInt()).isEqualTo(2);
        HttpResponse<String> versions = rules.get("/rules/versions", ApiKeys.ANALYST);
        assertThat(versions.body()).contains("R011: address changes go to Account Management");
        // The agent's verdict reached classify-service's feedback endpoint, as the agent (admin key here).
        assertThat(classify.received("/feedback")).singleElement().satisfies(feedback -> {
            assertThat(feedback.header(ApiKeys.HEADER)).isEqualTo(ApiKeys.ADMIN);
            assertThat(JsonBody.json(feedback.bodyText())).isLenientlyEqualTo(
                    "{\"decisionId\":\"" + DECISION_A + "\",\"department\":\"Billing\",\"source\":\"agent\"}");
        });
        assertThat(gdpr.received(request -> request.path().startsWith("/gdpr/requests/"))).hasSize(2)
                .allSatisfy(request -> assertThat(request.header(ApiKeys.HEADER)).isEqualTo(ApiKeys.COMPLIANCE));
        // Everything was read as the person signed in, with their own key (the backtest sample as the analyst).
        assertThat(ingestion.received("/tickets/validated")).isNotEmpty()
                .anySatisfy(request -> assertThat(request.header(ApiKeys.HEADER)).isEqualTo(ApiKeys.ANALYST))
                .allSatisfy(request -> assertThat(request.header(ApiKeys.HEADER)).isIn(ApiKeys.ANALYST, ApiKeys.ADMIN));
    }

    @Test
    void signInNeedsTheCsrfToken() throws Exception {
        var browser = new BrowserSession(consoleUrl);
        browser.get("session");
        HttpResponse<String> refused = browser.post("session", "{\"apiKey\":\"" + ApiKeys.ANALYST + "\"}", false);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(JsonBody.tree(refused).path("status").asInt()).isEqualTo(403);
        assertThat(browser.get("api/rules").statusCode()).isEqualTo(401);
    }

    @Test
    void signInKeepsTheKeyOnTheServerBehindAnHttpOnlyStrictCookie() throws Exception {
        var browser = new BrowserSession(consoleUrl);
        browser.get("session");
        HttpResponse<String> signedIn = browser.post("session", "{\"apiKey\":\"" + ApiKeys.ANALYST + "\"}", true);
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(200);
        assertThat(signedIn.body()).doesNotContain(ApiKeys.ANALYST).contains("\"ANALYST\"");
        assertThat(signedIn.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("TRIAGE_CONSOLE=").contains("HttpOnly").contains("SameSite=Strict"));
        assertThat(browser.get("api/rules").statusCode()).isEqualTo(200);
    }

    @Test
    void signInReplacesTheCsrfTokenAndTheOldOneIsRefused() throws Exception {
        var browser = new BrowserSession(consoleUrl);
        browser.get("session");
        String before = browser.cookie("XSRF-TOKEN");
        assertThat(before).isNotEmpty();
        assertThat(browser.post("session", "{\"apiKey\":\"" + ApiKeys.ANALYST + "\"}", true).statusCode())
                .isEqualTo(200);
        String after = browser.cookie("XSRF-TOKEN");
        assertThat(after).isNotEmpty().isNotEqualTo(before);
        String draft = "{\"yaml\":\"rules: []\"}";
        assertThat(browser.post("api/rules/validate", draft, before).statusCode()).isEqualTo(403);
        assertThat(browser.post("api/rules/validate", draft, after).statusCode()).isNotEqualTo(403);
    }

    @Test
    void aSystemsKeyDoesNotSignIn() throws Exception {
        for (String systemKey : List.of(ApiKeys.CLASSIFY_SERVICE, ApiKeys.CLASSIFIER)) {
            var browser = new BrowserSession(consoleUrl);
            browser.get("session");
            HttpResponse<String> refused = browser.post("session", "{\"apiKey\":\"" + systemKey + "\"}", true);
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
            assertThat(JsonBody.tree(refused).path("detail").asString()).contains("belongs to a system");
            assertThat(browser.get("api/rules").statusCode()).isEqualTo(401);
        }
    }

    /** A console with its production defaults: Secure session cookie, 2 failed sign-ins a minute. */
    @Test
    void failedSignInsAreLimitedPerAddressAndTheSessionCookieIsSecureByDefault() throws Exception {
        try (ConfigurableApplicationContext defaults = new SpringApplicationBuilder(ConsoleApplication.class).run(
                "--server.port=0", "--triage.console.sign-in-failures-per-minute=2",
                "--spring.lifecycle.timeout-per-shutdown-phase=2s", "--logging.level.root=WARN")) {
            var browser = new BrowserSession("http://127.0.0.1:" + port(defaults) + "/");
            browser.get("session");
            HttpResponse<String> signedIn = browser.post("session", "{\"apiKey\":\"" + ApiKeys.ANALYST + "\"}", true);
            assertThat(signedIn.statusCode()).isEqualTo(200);
            assertThat(signedIn.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                    .startsWith("TRIAGE_CONSOLE=").contains("Secure").contains("HttpOnly"));

            var guesser = new BrowserSession("http://127.0.0.1:" + port(defaults) + "/");
            guesser.get("session");
            for (int attempt = 0; attempt < 2; attempt++) {
                assertThat(guesser.post("session", "{\"apiKey\":\"guess-" + attempt + "\"}", true).statusCode())
                        .isEqualTo(401);
            }
            HttpResponse<String> throttled = guesser.post("session",
                    "{\"apiKey\":\"" + ApiKeys.ANALYST + "\"}", true);
            assertThat(throttled.statusCode()).isEqualTo(429);
            assertThat(throttled.headers().firstValue("Retry-After")).hasValue("60");
            assertThat(JsonBody.tree(throttled).path("detail").asString()).contains("Too many failed sign-ins");
            assertThat(guesser.get("api/rules").statusCode()).isEqualTo(401);
        }
    }

    @Test
    void theReviewQueueSkipsTicketsLabelledSinceTheOldestItLooksAt() throws Exception {
        var browser = new BrowserSession(consoleUrl);
        browser.get("session");
        browser.post("session", "{\"apiKey\":\"" + ApiKeys.OPS + "\"}", true);
        assertThat(browser.get("api/review").statusCode()).isEqualTo(403); // OPS alone is no agent

        var agent = new BrowserSession(consoleUrl);
        agent.get("session");
        agent.post("session", "{\"apiKey\":\"" + ApiKeys.ADMIN + "\"}", true);
        HttpResponse<String> queue = agent.get("api/review");
        assertThat(queue.statusCode()).as(queue.body()).isEqualTo(200);
        assertThat(JsonBody.tree(queue).path("items").findValuesAsString("ticketId"))
                .containsExactlyInAnyOrder(TICKET_A, TICKET_C); // B was decided by a rule
        // Labels are read from just before the oldest of the recent tickets (08:00:01), not from a fixed window.
        assertThat(ingestion.received("/tickets/validated")).anySatisfy(request -> {
            assertThat(request.query("since")).isEqualTo("2026-12-01T08:00:00Z");
            assertThat(request.header(ApiKeys.HEADER)).isEqualTo(ApiKeys.ADMIN);
        });
    }

    @Test
    void signInWithoutAKeyIsRefusedNamingTheField() throws Exception {
        var browser = new BrowserSession(consoleUrl);
        browser.get("session");
        HttpResponse<String> refused = browser.post("session", "{}", true);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("apiKey");
        assertThat(browser.post("session", "{\"apiKey\":\"no-such-key\"}", true).statusCode()).isEqualTo(401);
    }

    @Test
    void aServiceRefusalReachesThePageAsTheServiceWroteIt() throws Exception {
        var browser = new BrowserSession(consoleUrl);
        browser.get("session");
        browser.post("session", "{\"apiKey\":\"" + ApiKeys.ANALYST + "\"}", true);
        int before = JsonBody.tree(rules.get("/rules/versions", ApiKeys.ANALYST)).path("versions").size();
        HttpResponse<String> refused = browser.post("api/rules/publish", "{\"yaml\":\"rules: []\"}", true);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(refused.body()).contains("reason");
        assertThat(JsonBody.tree(rules.get("/rules/versions", ApiKeys.ANALYST)).path("versions").size())
                .isEqualTo(before);
    }

    @Test
    void operationsShowsEachSourcesLagAndFailuresFromIngestionsMetrics() throws Exception {
        BrowserSession operator = signedIn(ApiKeys.OPS);
        HttpResponse<String> answer = operator.get("api/operations/sources");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(JsonBody.json(answer.body())).isStrictlyEqualTo("""
                {"sources": [
                  {"source": "servicenow", "lagSeconds": 7260, "lastSuccessfulPull": "2026-12-03T08:00:00Z",
                   "pullsFailed": 3, "pullsSucceeded": 11, "writeBacksFailed": 0, "deadLetters": 0},
                  {"source": "zendesk", "lagSeconds": 45, "lastSuccessfulPull": "2026-12-03T09:00:00Z",
                   "pullsFailed": 0, "pullsSucceeded": 14, "writeBacksFailed": 2, "deadLetters": 1},
                  {"source": "jira", "lagSeconds": null, "lastSuccessfulPull": null,
                   "pullsFailed": 0, "pullsSucceeded": 0, "writeBacksFailed": 0, "deadLetters": 0}]}""");
        assertThat(ingestion.received("/metrics")).last()
                .satisfies(request -> assertThat(request.header(ApiKeys.HEADER)).isEqualTo(ApiKeys.OPS));
    }

    @Test
    void operationsListsDeadLettersWithoutTheirPlans() throws Exception {
        BrowserSession operator = signedIn(ApiKeys.OPS);
        HttpResponse<String> answer = operator.get("api/operations/dead-letters?source=zendesk");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode deadLetter = JsonBody.tree(answer).get(0);
        assertThat(deadLetter.path("id").asString()).isEqualTo(DEAD_LETTER);
        assertThat(deadLetter.path("lastError").asString()).isEqualTo("UnprocessableEntity");
        assertThat(deadLetter.has("plan")).isFalse();
        assertThat(ingestion.received("/writebacks")).last().satisfies(request -> {
            assertThat(request.query("state")).isEqualTo("failed");
            assertThat(request.query("source")).isEqualTo("zendesk");
            assertThat(request.header(ApiKeys.HEADER)).isEqualTo(ApiKeys.OPS);
        });
    }

    @Test
    void anUnknownSourceIsRefusedNamingTheFieldAndNothingIsAsked() throws Exception {
        BrowserSession operator = signedIn(ApiKeys.OPS);
        int before = ingestion.received("/writebacks").size();
        HttpResponse<String> refused = operator.get("api/operations/dead-letters?source=freshdesk");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("source");
        assertThat(ingestion.received("/writebacks")).hasSize(before);
    }

    @Test
    void replayPassesThroughToIngestionAsTheOperator() throws Exception {
        BrowserSession operator = signedIn(ApiKeys.OPS);
        HttpResponse<String> replayed = operator.post("api/operations/dead-letters/" + DEAD_LETTER + "/replay", "",
                true);
        assertThat(replayed.statusCode()).as(replayed.body()).isEqualTo(202);
        assertThat(JsonBody.tree(replayed).path("state").asString()).isEqualTo("PENDING");
        assertThat(ingestion.received("/writebacks/" + DEAD_LETTER + "/replay")).last().satisfies(
                request -> assertThat(request.header(ApiKeys.HEADER)).isEqualTo(ApiKeys.OPS));

        HttpResponse<String> refused = operator.post(
                "api/operations/dead-letters/" + SUCCEEDED_WRITE_BACK + "/replay", "", true);
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(refused.body()).contains("only a FAILED one is replayed");
    }

    @Test
    void operationsIsRefusedToANonOpsRoleAndIngestionIsNotAsked() throws Exception {
        BrowserSession analyst = signedIn(ApiKeys.ANALYST);
        int asked = ingestion.received(request -> request.path().startsWith("/writebacks")
                || request.path().equals("/metrics")).size();
        assertThat(analyst.get("api/operations/sources").statusCode()).isEqualTo(403);
        assertThat(analyst.get("api/operations/dead-letters").statusCode()).isEqualTo(403);
        assertThat(analyst.post("api/operations/dead-letters/" + DEAD_LETTER + "/replay", "", true).statusCode())
                .isEqualTo(403);
        assertThat(ingestion.received(request -> request.path().startsWith("/writebacks")
                || request.path().equals("/metrics"))).hasSize(asked);
    }

    private static BrowserSession signedIn(String apiKey) throws Exception {
        var browser = new BrowserSession(consoleUrl);
        browser.get("session");
        HttpResponse<String> signedIn = browser.post("session", "{\"apiKey\":\"" + apiKey + "\"}", true);
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(200);
        return browser;
    }

    /** classify-service's decision as ingestion-service keeps it: A and C need review, B was decided by a rule. */
    private static String decision(String ticketId) {
        boolean review = !ticketId.equals(TICKET_B);
        String decisionId = ticketId.equals(TICKET_A) ? DECISION_A : "d0000000-0000-4000-8000-0000000000" + ticketId.substring(34);
        return """
                {"ticketId": "%s", "ticketVersion": "2026-12-01T10:00:00Z", "status": "DECIDED", "decisionId": "%s",
                 "routingMethod": "%s", "department": %s, "urgency": "Medium", "sentiment": null, "confidence": %s,
                 "modelVersion": "m-1", "ruleSetVersion": "1", "problem": null, "decidedAt": "2026-12-01T10:00:02Z",
                 "answer": {"decisionId": "%s", "routingMethod": "%s",
                   "alternatives": [{"label": "Shipping/Delivery", "confidence": 0.41},
                                    {"label": "Billing", "confidence": 0.38}, {"label": "Sales", "confidence": 0.09}],
                   "explanation": {"summary": "No tier was confident: the model's best two departments are close.",
                     "matchedRule": null, "matchedText": null, "similarTickets": [], "strongestNgrams": []}}}"""
                .formatted(ticketId, decisionId, review ? "NEEDS_REVIEW" : "RULE", review ? "null" : "\"Technical Support\"",
                        review ? "0.41" : "0.9", decisionId, review ? "NEEDS_REVIEW" : "RULE");
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
    }

    /** The tool, or the test skipped with a warning (failed where {@value #REQUIRE}=1). */
    private static <T> T required(String what, Optional<T> tool) {
        if (tool.isEmpty()) {
            String message = what + " is missing: the console is NOT tested in a browser";
            if ("1".equals(System.getenv(REQUIRE))) {
                fail(message + " although " + REQUIRE + "=1");
            }
            System.err.println("WARNING: ConsoleBrowserIT SKIPPED: " + message);
            Assumptions.abort(message);
        }
        return tool.orElseThrow();
    }
}
