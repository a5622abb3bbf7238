package io.triage.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.triage.testsupport.ApiKeys;
import io.triage.testsupport.JsonBody;
import io.triage.testsupport.ServiceHttp;
import io.triage.testsupport.browser.ChromiumScript;
import io.triage.testsupport.stub.StubReply;
import io.triage.testsupport.stub.StubRequest;
import io.triage.testsupport.stub.StubServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The console in a real browser: rules-engine and the console booted in this JVM on random ports, then
 * {@code src/test/browser/console.mjs} drives Debian's Chromium through every delivered page with playwright-core
 * (installed by {@code ./triage test} under {@code var/tools/playwright}) and checks each with axe-core. Without
 * Chromium or playwright-core the test is skipped with a warning, and fails where TRIAGE_REQUIRE_BROWSER=1 (CI;
 * {@link ChromiumScript}).
 */
class ConsoleBrowserIT {

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

    static final String TRAINING_JOB = "70b00000-0000-4000-8000-000000000001";
    static final String UPLOAD_JOB = "70b00000-0000-4000-8000-000000000002";
    /** The file the analyst uploads to train on: Banking77's label column, renamed on the page. */
    static final String TRAINING_FILE = "text,category\nMy card has not arrived yet,card_arrival\n"
            + "I was charged twice for one coffee,card_payment_fee_charged\n";
    /**
     * classify-service's registry ({@code GET /models}, {@code ModelVersion}): 1 in production, then 2 in staging
     * (with the canary share it answers), then 2 in production and, after the upload, 3 that did not beat it.
     */
    static String modelVersion(int version, String stage, double macroF1, String baselineF1, String decision) {
        return """
                {"version": %d, "runId": "00000000-0000-4000-8000-00000000000%d", "stage": "%s", "macroF1": %s,
                 "baselineF1": %s, "decision": "%s", "artifactSha256": "ab12", "createdAt": "2026-12-0%dT10:00:00Z",
                 "stageChangedAt": "2026-12-0%dT10:00:00Z", "retiredAt": null, "canary": %s}"""
                .formatted(version, version, stage, macroF1, baselineF1, decision, version, version,
                        stage.equals("STAGING") ? canaryShare.get() : "null");
    }
    /** The registry once version 2 was promoted. */
    static String promoted() {
        return modelVersion(1, "ARCHIVED", 0.861, "null", "first version") + "," + modelVersion(2, "PRODUCTION",
                0.912, "0.861", "macro-F1 0.912 beats production's 0.861 by more than 0.02");
    }
    /** classify-service's {@code CanaryShare} of version 2: its default until the analyst sets one. */
    static final String DEFAULT_SHARE = "{\"version\": 2, \"share\": 0.1, \"setBy\": null, \"setAt\": null}";
    private static final AtomicReference<String> canaryShare = new AtomicReference<>(DEFAULT_SHARE);
    /** classify-service's {@code Retirement}s: one done (replaced in production), one pending past its due date. */
    static final String RETIREMENTS = """
            [{"modelVersion": 7, "state": "PENDING", "flaggedAt": "2026-10-01T09:00:00Z",
              "retireBy": "2026-10-31T09:00:00Z", "erasures": 2, "replacedBy": null, "retiredAt": null,
              "overdue": true},
             {"modelVersion": 5, "state": "DONE", "flaggedAt": "2026-09-01T09:00:00Z",
              "retireBy": "2026-10-01T09:00:00Z", "erasures": 1, "replacedBy": 6,
              "retiredAt": "2026-09-02T03:30:00Z", "overdue": false}]""";
    /** classify-service's refusal of a column rename that is not {@code source=head}. */
    static final String COLUMN_PROBLEM = """
            {"type": "about:blank", "title": "Bad Request", "status": 400,
             "detail": "a column mapping is source=head, e.g. category=department; got 'category'", "field": "column"}""";
    /** The upload's training job ({@code TrainingJob}, trigger {@code upload}): version 3 does not beat production. */
    static String uploadJob(String state) {
        String result = !state.equals("SUCCEEDED") ? "null" : """
                {"version": 3, "stage": "NONE", "macroF1": 0.85, "baselineF1": 0.912,
                 "decision": "macro-F1 0.8500 does not beat production's 0.9120 by more than 0.02", "warnings": [],
                 "heads": [{"head": "department", "accuracy": 0.86, "macroF1": 0.85, "testExamples": 40}],
                 "report": "/models/3/report"}""";
        return """
                {"id": "%s", "trigger": "upload", "state": "%s", "stage": "%s",
                 "progress": {"done": %d, "total": 3}, "createdAt": "2026-12-02T11:00:00Z",
                 "startedAt": "2026-12-02T11:00:01Z", "finishedAt": %s, "result": %s, "error": null}"""
                .formatted(UPLOAD_JOB, state, state.equals("SUCCEEDED") ? "done" : "training",
                        state.equals("SUCCEEDED") ? 0 : 2,
                        state.equals("SUCCEEDED") ? "\"2026-12-02T11:00:09Z\"" : "null", result);
    }
    /** The retraining job ({@code TrainingJob}) as classify-service shows it while it runs and once it succeeded. */
    static String trainingJob(String state, String stage, int done, int total) {
        String result = !state.equals("SUCCEEDED") ? "null" : """
                {"version": 2, "stage": "STAGING", "macroF1": 0.912, "baselineF1": 0.861,
                 "decision": "macro-F1 0.912 beats production's 0.861 by more than 0.02", "warnings": [],
                 "heads": [{"head": "department", "accuracy": 0.92, "macroF1": 0.912, "testExamples": 100}],
                 "report": "/models/2/report"}""";
        return """
                {"id": "%s", "trigger": "retrain-request", "state": "%s", "stage": "%s",
                 "progress": {"done": %d, "total": %d}, "createdAt": "2026-12-02T10:00:00Z",
                 "startedAt": %s, "finishedAt": %s, "result": %s, "error": null}"""
                .formatted(TRAINING_JOB, state, stage, done, total,
                        state.equals("QUEUED") ? "null" : "\"2026-12-02T10:00:01Z\"",
                        state.equals("SUCCEEDED") ? "\"2026-12-02T10:00:09Z\"" : "null", result);
    }
    /** Version 2's evaluation report ({@code TrainingReport}): one head, three departments. */
    static final String REPORT = """
            {"c": 10.0, "maxIter": 1000, "ngramRange": "word 1-2, char 2-5, min_df 2", "targetPrecision": 0.95,
             "seed": 42, "dataFingerprint": "ff00", "examples": 660, "trainExamples": 460, "validationExamples": 100,
             "testExamples": 100, "vocabularySize": 5120, "trainingMillis": 8200, "warnings": [],
             "heads": [{"head": "department", "labels": ["Billing", "Shipping/Delivery", "Technical Support"],
               "accuracy": 0.92, "macroF1": 0.912,
               "perClass": [{"label": "Billing", "precision": 0.9, "recall": 0.93, "f1": 0.915, "support": 30},
                 {"label": "Shipping/Delivery", "precision": 0.94, "recall": 0.9, "f1": 0.92, "support": 40},
                 {"label": "Technical Support", "precision": 0.9, "recall": 0.9, "f1": 0.9, "support": 30}],
               "confusion": [[28, 1, 1], [2, 36, 2], [1, 2, 27]],
               "precisionCoverage": [{"coverage": 0.2, "precision": 1.0}, {"coverage": 0.5, "precision": 0.99},
                 {"coverage": 0.8, "precision": 0.96}, {"coverage": 0.9, "precision": 0.94},
                 {"coverage": 1.0, "precision": 0.92}],
               "operatingPoints": [{"targetPrecision": 0.9, "coverage": 1.0, "precision": 0.92},
                 {"targetPrecision": 0.95, "coverage": 0.81, "precision": 0.958},
                 {"targetPrecision": 0.98, "coverage": 0.62, "precision": 0.984},
                 {"targetPrecision": 0.99, "coverage": 0.5, "precision": 0.99}],
               "testExamples": 100}],
             "model": "tfidf+bge-small-en-v1.5-q-lr+knn",
             "models": [{"model": "tfidf-lr", "validationAccuracy": 0.9, "validationMacroF1": 0.89,
               "testAccuracy": 0.9, "testMacroF1": 0.895, "kept": false}], "noveltyFloor": 0.41}""";
    /**
     * What classify-service's stand-in has reached: 0 before the retraining, 1 after it, 2 after the promotion, 3 after
     * the upload's training.
     */
    private static final AtomicInteger registry = new AtomicInteger();
    private static final AtomicInteger jobPolls = new AtomicInteger();
    private static final AtomicInteger uploadPolls = new AtomicInteger();

    /** ingestion-service's field mapping version ({@code MappingVersion}). */
    static String mappingVersion(int version, String state, String yaml, String reason) {
        boolean published = !state.equals("DRAFT");
        return """
                {"version": %d, "state": "%s", "yaml": %s, "createdBy": "local-admin",
                 "createdAt": "2026-12-0%dT08:00:00Z", "publishedBy": %s, "publishedAt": %s, "reason": %s}"""
                .formatted(version, state, quote(yaml), version, published ? "\"local-admin\"" : "null",
                        published ? "\"2026-12-0" + version + "T09:00:00Z\"" : "null",
                        reason == null ? "null" : quote(reason));
    }
    private static String quote(String text) {
        return JsonMapper.builder().build().writeValueAsString(text);
    }
    static final String MAPPING_V1 = "levels:\n  default: suggest\n";

    /** ingestion-service's answer to a rollback ({@code RollbackRequest}): 400 naming the field, 409 or the version. */
    static StubReply rollback(String body) {
        JsonNode request = JsonMapper.builder().build().readTree(body);
        if (request.path("reason").asString("").isBlank() || request.path("version").asInt(0) < 1) {
            String field = request.path("reason").asString("").isBlank() ? "reason" : "version";
            return StubReply.bytes(400, "application/problem+json", ("{\"title\":\"Invalid request\",\"status\":400,"
                    + "\"detail\":\"Invalid [" + field + "]\",\"errors\":[{\"field\":\"" + field + "\","
                    + "\"message\":\"must not be blank\"}]}").getBytes(StandardCharsets.UTF_8));
        }
        int version = request.path("version").asInt();
        if (version != 1 || !zendeskMapping.compareAndSet(3, 4)) {
            return StubReply.bytes(409, "application/problem+json", ("{\"title\":\"Conflict\",\"status\":409,"
                    + "\"detail\":\"Version " + version + " of the zendesk mapping is already published\"}")
                    .getBytes(StandardCharsets.UTF_8));
        }
        return StubReply.json(mappingVersion(1, "PUBLISHED", MAPPING_V1, request.path("reason").asString()));
    }
    static final String MAPPING_V2 = """
            levels:
              default: suggest
              departments: {Billing: automate}
            departments:
              Billing: {group_id: 360001}
            """;
    /** Zendesk's mapping in the stand-in: 0 only v1 published, 1 draft v2 invalid, 2 draft v2 valid, 3 v2 published. */
    private static final AtomicInteger zendeskMapping = new AtomicInteger();

    static String mappingDraft(String yaml) {
        return mappingVersion(2, "DRAFT", yaml, null);
    }

    static final String OPEN_ERASURE = "e0000000-0000-4000-8000-000000000002";
    static final String OLD_ERASURE = "e0000000-0000-4000-8000-000000000003";
    /** gdpr-service's list of erasure requests ({@code GET /gdpr/requests}): two pages, the first with an overdue one. */
    static String erasurePage(String after, String overdue, String since, String until) {
        String open = OPEN_ERASURE_JSON;
        String old = ERASURE.replace(ERASURE_ID, OLD_ERASURE).replace("2026-12-01T09:00:00Z", "2026-10-01T09:00:00Z");
        if ("true".equals(overdue)) {
            // made at or after since and before until, as gdpr-service filters (DeletionRequests.list)
            Instant made = Instant.parse("2026-11-02T09:00:00Z");
            boolean within = (since == null || !made.isBefore(Instant.parse(since)))
                    && (until == null || made.isBefore(Instant.parse(until)));
            return "{\"items\": [" + (within ? open : "") + "], \"next\": null}";
        }
        return "cGFnZTI".equals(after) ? "{\"items\": [" + old + "], \"next\": null}"
                : "{\"items\": [" + ERASURE + "," + open + "], \"next\": \"cGFnZTI\"}";
    }
    /** An open erasure request past its due date: classify-service keeps failing. */
    static final String OPEN_ERASURE_JSON = """
                {"id": "%s", "customerId": "CUST-9", "requestedBy": "local-compliance", "reason": null,
                 "status": "IN_PROGRESS", "createdAt": "2026-11-02T09:00:00Z", "dueAt": "2026-12-02T09:00:00Z",
                 "overdue": true, "completedAt": null, "receipts": [
                   {"store": "ingestion", "state": "DONE", "deletedRecords": 2, "receivedAt": "2026-11-02T09:01:00Z",
                    "attempts": 1, "lastAttemptAt": "2026-11-02T09:01:00Z", "lastError": null, "details": {}},
                   {"store": "classify", "state": "FAILED", "deletedRecords": null, "receivedAt": null,
                    "attempts": 9, "lastAttemptAt": "2026-12-03T09:00:00Z", "lastError": "HTTP 503 Service Unavailable",
                    "details": {}}]}""".formatted(OPEN_ERASURE);
    static final String REPORT_JOB = "4e900000-0000-4000-8000-000000000001";
    private static final AtomicInteger reportPolls = new AtomicInteger();

    /** audit-service's report job ({@code ReportJob} with its {@code ReportRun} once it succeeded). */
    static String reportJob(String state) {
        String result = !state.equals("SUCCEEDED") ? "null" : """
                {"month": "2026-11", "location": "azure://audit-archive/reports/2026-11",
                 "written": ["reports/2026-11/compliance-report.html", "reports/2026-11/compliance-report.csv",
                   "reports/2026-11/compliance-report.json"], "skipped": [], "decisions": 1200, "judged": 400,
                 "accuracy": 0.91, "flaggedGroups": [
                   {"attribute": "channel", "group": "phone", "judged": 100, "accuracy": 0.79, "gap": 0.12}]}""";
        return """
                {"id": "%s", "month": "2026-11", "trigger": "api", "state": "%s", "createdAt": "2026-12-06T04:00:00Z",
                 "finishedAt": %s, "result": %s, "error": null}""".formatted(REPORT_JOB, state,
                state.equals("RUNNING") ? "null" : "\"2026-12-06T04:00:02Z\"", result);
    }

    /** audit-service's CSV of the report ({@code ReportFormats.csv}), with a group name beyond ASCII. */
    static String reportCsv(String month) {
        return "section,group,decisions,judged,accuracy\nmonth," + month + ",1200,400,0.91\n"
                + "department,Billing,500,200,0.94\nlanguage,Français,40,20,0.85\n";
    }

    /** audit-service's HTML of the report ({@code ReportFormats.html}). */
    static String reportHtml(String month) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Compliance report " + month
                + "</title></head><body><h1>Compliance report " + month + "</h1><p>1200 decisions</p></body></html>";
    }

    /** audit-service's monthly compliance report ({@code MonthlyReport}): the phone channel is flagged. */
    static String monthlyReport(String month) {
        return """
                {"month": "%s", "generatedAt": "2026-12-01T02:00:00Z", "decisions": 1200, "judged": 400,
                 "abstentionRate": 0.08, "accuracy": 0.91,
                 "byRoutingMethod": [
                   {"group": "RULE", "decisions": 300, "share": 0.25, "abstentionRate": 0.0, "judged": 100, "accuracy": 0.97},
                   {"group": "ML", "decisions": 800, "share": 0.6667, "abstentionRate": 0.0, "judged": 280, "accuracy": 0.9},
                   {"group": "NEEDS_REVIEW", "decisions": 100, "share": 0.0833, "abstentionRate": 1.0, "judged": 20,
                    "accuracy": null}],
                 "byDepartment": [
                   {"group": "Billing", "decisions": 500, "share": 0.4167, "abstentionRate": 0.0, "judged": 200, "accuracy": 0.94},
                   {"group": "Technical Support", "decisions": 600, "share": 0.5, "abstentionRate": 0.0, "judged": 180,
                    "accuracy": 0.88}],
                 "byModelVersion": [],
                 "biasChecks": [{"attribute": "channel", "groups": [
                     {"group": "email", "decisions": 900, "share": 0.75, "abstentionRate": 0.05, "judged": 300, "accuracy": 0.95},
                     {"group": "phone", "decisions": 300, "share": 0.25, "abstentionRate": 0.17, "judged": 100, "accuracy": 0.79}],
                   "accuracyGap": 0.16, "abstentionGap": 0.12, "flagged": true,
                   "reasons": ["phone is 0.12 below the overall accuracy"],
                   "groupGaps": [{"group": "phone", "judged": 100, "accuracy": 0.79, "gap": 0.12, "flagged": true}],
                   "flaggedGroups": ["phone"]}],
                 "gapThreshold": 0.1, "minGroupSize": 20}""".formatted(month);
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
        ingestion.on("GET", "/mappings", request -> {
            String[] path = request.path().split("/");
            boolean zendesk = path[2].equals("zendesk");
            int state = zendesk ? zendeskMapping.get() : 0;
            // 0 v1 published, 1 an invalid draft, 2 a valid draft, 3 v2 published, 4 rolled back to v1
            String v1 = state == 4 ? mappingVersion(1, "PUBLISHED", MAPPING_V1, "Billing automation paused")
                    : mappingVersion(1, state == 3 ? "ARCHIVED" : "PUBLISHED", MAPPING_V1, "suggestions first");
            String v2 = state >= 3 ? mappingVersion(2, state == 3 ? "PUBLISHED" : "ARCHIVED", MAPPING_V2,
                    "Billing is automated")
                    : mappingDraft(state == 1 ? MAPPING_V2.replace("Billing: {", "Billling: {") : MAPPING_V2);
            if (path.length == 4 && path[3].equals("versions")) {
                return StubReply.json("{\"source\": \"" + path[2] + "\", \"versions\": ["
                        + (state == 0 ? v1 : v2 + "," + v1) + "], \"activations\": []}");
            }
            return StubReply.json("{\"source\": \"" + path[2] + "\", \"published\": " + (state == 3 ? v2 : v1)
                    + ", \"draft\": " + (state == 1 || state == 2 ? v2 : "null") + "}");
        });
        ingestion.on("PUT", "/mappings/zendesk", request -> {
            boolean typo = request.bodyText().contains("Billling");
            zendeskMapping.set(typo ? 1 : 2);
            return StubReply.json(typo ? """
                    {"version": 2, "valid": false, "problems": [{"line": 5, "column": 3,
                      "field": "departments.Billling", "message": "Billling is not a department of the taxonomy"}],
                     "warnings": []}""" : """
                    {"version": 2, "valid": true, "problems": [],
                     "warnings": ["urgencies: none is mapped, so no urgency field is written"]}""");
        });
        ingestion.on("POST", "/mappings/zendesk/dry-run", request -> StubReply.json("""
                {"version": 2, "state": "DRAFT", "plan": {"source": "ZENDESK", "externalId": "ZD-3",
                  "decisionId": "%s", "mappingVersion": 2, "level": "AUTOMATE", "department": "Billing",
                  "urgency": "Medium", "fields": {"group_id": 360001}, "tags": [],
                  "note": "Auto-triage set department Billing and urgency Medium (rule R002).",
                  "marker": "triage:%s"},
                 "requests": [{"method": "PUT", "path": "/api/v2/tickets/ZD-3.json", "body": {"ticket":
                   {"group_id": 360001, "comment": {"public": false,
                    "body": "Auto-triage set department Billing and urgency Medium (rule R002)."}}}}]}""".formatted(DECISION_A, DECISION_A)));
        ingestion.on("POST", "/mappings/zendesk/publish", request -> {
            if (!zendeskMapping.compareAndSet(2, 3)) {
                return StubReply.bytes(422, "application/problem+json", ("{\"title\":\"Invalid mapping\","
                        + "\"status\":422,\"detail\":\"the draft has problems\"}").getBytes(StandardCharsets.UTF_8));
            }
            return StubReply.json(mappingVersion(2, "PUBLISHED", MAPPING_V2, "Billing is automated"));
        });
        ingestion.on("POST", "/mappings/zendesk/rollback", request -> rollback(request.bodyText()));
        audit.on("GET", "/audit/reports/monthly", request -> switch (String.valueOf(request.query("format"))) {
            case "csv" -> StubReply.bytes(200, "text/csv;charset=UTF-8",
                    reportCsv(request.query("month")).getBytes(StandardCharsets.UTF_8))
                    .withHeader("Content-Disposition", "attachment; filename=audit-report-2026-11.csv");
            case "html" -> StubReply.bytes(200, "text/html;charset=UTF-8",
                    reportHtml(request.query("month")).getBytes(StandardCharsets.UTF_8));
            default -> StubReply.json(monthlyReport(request.query("month")));
        });
        audit.on("POST", "/audit/reports/monthly/run", request -> "2026-11".equals(request.query("month"))
                ? StubReply.json(202, reportJob("RUNNING")).withHeader("Location", "/audit/reports/monthly/jobs/"
                        + REPORT_JOB)
                : StubReply.bytes(400, "application/problem+json", ("{\"title\":\"Bad Request\",\"status\":400,"
                        + "\"detail\":\"month " + request.query("month") + " has not ended yet; only ended months are "
                        + "written to the archive\",\"field\":\"month\"}").getBytes(StandardCharsets.UTF_8)));
        audit.on("GET", "/audit/reports/monthly/jobs/" + REPORT_JOB, request -> StubReply.json(
                reportPolls.incrementAndGet() < 2 ? reportJob("RUNNING") : reportJob("SUCCEEDED")));
        gdpr.on("GET", "/gdpr/requests", request -> StubReply.json(
                erasurePage(request.query("after"), request.query("overdue"),
                request.query("since"), request.query("until"))));
        gdpr.on("GET", "/gdpr/requests/" + OPEN_ERASURE, request -> StubReply.json(OPEN_ERASURE_JSON));
        gdpr.on("GET", "/gdpr/requests/" + ERASURE_ID, request -> StubReply.json(ERASURE));
        gdpr.on("GET", "/gdpr/requests/" + ERASURE_ID + "/certificate", request -> StubReply.json(
                "{\"certificate\":{\"requestId\":\"" + ERASURE_ID + "\"},\"signature\":\"c2ln\"}"));
        audit.on("GET", "/audit/verify", request -> StubReply.json(VERIFICATION));
        classify.on("GET", "/models", request -> {
            String production = modelVersion(1, "PRODUCTION", 0.861, "null", "first version");
            String staging = modelVersion(2, "STAGING", 0.912, "0.861",
                    "macro-F1 0.912 beats production's 0.861 by more than 0.02");
            return switch (request.path()) {
                case "/models" -> StubReply.json(switch (registry.get()) {
                    case 0 -> "[" + production + "]";
                    case 1 -> "[" + production + "," + staging + "]";
                    case 2 -> "[" + promoted() + "]";
                    default -> "[" + promoted() + "," + modelVersion(3, "NONE", 0.85, "0.912",
                            "macro-F1 0.8500 does not beat production's 0.9120 by more than 0.02") + "]";
                });
                case "/models/retirements" -> StubReply.json(RETIREMENTS);
                case "/models/jobs/" + UPLOAD_JOB -> {
                    if (uploadPolls.incrementAndGet() < 2) {
                        yield StubReply.json(uploadJob("RUNNING"));
                    }
                    registry.compareAndSet(2, 3);
                    yield StubReply.json(uploadJob("SUCCEEDED"));
                }
                case "/models/jobs" -> StubReply.json(registry.get() > 0
                        ? "[" + trainingJob("SUCCEEDED", "done", 0, 0) + "]"
                        : classify.received("/models/retrain").isEmpty() ? "[]"
                        : "[" + trainingJob("RUNNING", "training", 1, 3) + "]");
                case "/models/jobs/" + TRAINING_JOB -> {
                    if (jobPolls.incrementAndGet() < 2) {
                        yield StubReply.json(trainingJob("RUNNING", "training", 1, 3));
                    }
                    registry.compareAndSet(0, 1);
                    yield StubReply.json(trainingJob("SUCCEEDED", "done", 0, 0));
                }
                case "/models/2/report" -> StubReply.json(REPORT);
                default -> StubReply.bytes(404, "application/problem+json", ("{\"title\":\"Not Found\",\"status\":404,"
                        + "\"detail\":\"" + request.path() + " does not exist\"}").getBytes(StandardCharsets.UTF_8));
            };
        });
        classify.on("POST", "/models/retrain", request -> StubReply.json(202, trainingJob("QUEUED", "reading", 0, 0))
                .withHeader("Location", "/models/jobs/" + TRAINING_JOB));
        classify.on("PUT", "/models/2/canary", request -> {
            JsonNode share = JsonMapper.builder().build().readTree(request.bodyText()).path("share");
            if (!share.isNumber() || share.asDouble() < 0 || share.asDouble() > 0.5) {
                return StubReply.bytes(400, "application/problem+json", ("{\"type\":\"about:blank\",\"title\":"
                        + "\"Bad Request\",\"status\":400,\"detail\":\"share must be between 0 and 0.5 "
                        + "(triage.classify.models.max-canary-share)\",\"field\":\"share\"}")
                        .getBytes(StandardCharsets.UTF_8));
            }
            canaryShare.set("{\"version\": 2, \"share\": " + share.asDouble()
                    + ", \"setBy\": \"local-analyst\", \"setAt\": \"2026-12-02T10:05:00Z\"}");
            return StubReply.json(canaryShare.get());
        });
        classify.on("POST", "/models/train", request -> "category".equals(request.query("column"))
                ? StubReply.bytes(400, "application/problem+json", COLUMN_PROBLEM.getBytes(StandardCharsets.UTF_8))
                : StubReply.json(202, uploadJob("RUNNING")).withHeader("Location", "/models/jobs/" + UPLOAD_JOB));
        classify.on("PUT", "/models/1/canary", request -> StubReply.bytes(409, "application/problem+json",
                ("{\"title\":\"Conflict\",\"status\":409,\"detail\":\"model version 1 is in stage PRODUCTION; only a "
                        + "STAGING version answers a canary share\",\"version\":1}").getBytes(StandardCharsets.UTF_8)));
        classify.on("POST", "/models/2/promote", request -> {
            registry.set(2);
            return StubReply.json(modelVersion(2, "PRODUCTION", 0.912, "0.861",
                    "macro-F1 0.912 beats production's 0.861 by more than 0.02"));
        });
        classify.on("POST", "/models/1/promote", request -> StubReply.bytes(409, "application/problem+json",
                ("{\"title\":\"Conflict\",\"status\":409,\"detail\":\"version 1 is PRODUCTION; only a STAGING "
                        + "version is promoted\"}").getBytes(StandardCharsets.UTF_8)));
        classify.on("POST", "/feedback", request -> StubReply.json(201,
                "{\"decisionId\":\"" + DECISION_A + "\",\"duplicate\":false}"));
        ConfigurableApplicationContext rulesEngine = RulesEngineInProcess.start();
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
        ChromiumScript browser = ChromiumScript.find("ConsoleBrowserIT");
        Path screenshots = Files.createDirectories(Path.of(System.getProperty("triage.console.screenshots",
                "target/screenshots")));
        browser.run(Path.of("src/test/browser/console.mjs"), Map.of("CONSOLE_URL", consoleUrl,
                "SCREENSHOTS", screenshots.toAbsolutePath().toString(), "ERASURE_ID", ERASURE_ID,
                "TRAINING_FILE", TRAINING_FILE), Duration.ofMinutes(3), Path.of("target", "console-browser.log"));

        // What the analyst published in the browser is what rules-engine now evaluates with.
        // (as classify-service asks it, with its own key).
        HttpResponse<String> evaluated = rules.post("/rules/evaluate", ApiKeys.CLASSIFY_SERVICE,
                "{\"ticketId\":\"t1\",\"subject\":\"Moving\",\"description\":\"Could you update the delivery address?\"}");
        JsonNode verdict = JsonBody.tree(evaluated);
        assertThat(verdict.path("ruleId").asString()).as(evaluated.body()).isEqualTo("R011");
        assertThat(verdict.path("ruleSetVersion").asInt()).isEqualTo(2);
        HttpResponse<String> versions = rules.get("/rules/versions", ApiKeys.ANALYST);
        assertThat(versions.body()).contains("R011: address changes go to Account Management");
        // The agent's verdict reached classify-service's feedback endpoint, with the agent's own key.
        assertThat(classify.received("/feedback")).singleElement().satisfies(feedback -> {
            assertThat(feedback.header(ApiKeys.HEADER)).isEqualTo(ApiKeys.AGENT);
            assertThat(JsonBody.json(feedback.bodyText())).isLenientlyEqualTo(
                    "{\"decisionId\":\"" + DECISION_A + "\",\"department\":\"Billing\",\"source\":\"agent\"}");
        });
        // The analyst's retraining and promotion reached classify-service with the analyst's own key.
        assertThat(classify.received(request -> request.path().equals("/models/retrain")
                || request.path().equals("/models/2/promote"))).extracting(request -> request.path())
                .containsExactly("/models/retrain", "/models/2/promote");
        assertThat(classify.received(request -> request.method().equals("POST")
                && request.path().startsWith("/models"))).isNotEmpty()
                .allSatisfy(request -> assertThat(request.header(ApiKeys.HEADER)).isEqualTo(ApiKeys.ANALYST));
        // The shares typed as percentages reached classify-service as shares: 80 % (refused there) and 25 %.
        assertThat(classify.received("/models/2/canary")).extracting(request -> JsonMapper.builder().build()
                .readTree(request.bodyText()).path("share").asDouble()).containsExactly(0.8, 0.25);
        // The uploaded file reached classify-service unchanged, as CSV, with the column rename typed.
        assertThat(classify.received("/models/train")).singleElement().satisfies(train -> {
            assertThat(train.bodyText()).isEqualTo(TRAINING_FILE);
            assertThat(train.header("Content-Type")).startsWith("text/csv");
            assertThat(train.query("column")).isEqualTo("category=department");
            assertThat(train.header(ApiKeys.HEADER)).isEqualTo(ApiKeys.ANALYST);
        });
        // (the administrator signing in next lands on the Models page and reads it with the admin key)
        assertThat(classify.received(request -> request.path().startsWith("/models")))
                .allSatisfy(request -> assertThat(request.header(ApiKeys.HEADER)).isIn(ApiKeys.ANALYST, ApiKeys.ADMIN));
        // The administrator's draft went to ingestion-service as YAML, and was published with the reason typed.
        assertThat(ingestion.received(request -> request.method().equals("PUT"))).hasSize(2).last().satisfies(put -> {
            assertThat(put.path()).isEqualTo("/mappings/zendesk");
            assertThat(put.header("Content-Type")).startsWith("application/yaml");
            assertThat(put.bodyText()).isEqualTo(MAPPING_V2);
            assertThat(put.header(ApiKeys.HEADER)).isEqualTo(ApiKeys.ADMIN);
        });
        assertThat(ingestion.received("/mappings/zendesk/dry-run")).singleElement().satisfies(dryRun -> assertThat(
                JsonBody.json(dryRun.bodyText())).isStrictlyEqualTo("{\"ticketId\":\"" + TICKET_A + "\"}"));
        assertThat(ingestion.received("/mappings/zendesk/publish")).singleElement().satisfies(publish -> {
            assertThat(JsonBody.json(publish.bodyText())).isStrictlyEqualTo("{\"reason\":\"Billing is automated\"}");
            assertThat(publish.header(ApiKeys.HEADER)).isEqualTo(ApiKeys.ADMIN);
        });
        assertThat(gdpr.received(request -> request.path().startsWith("/gdpr/requests/"))).hasSize(3)
                .allSatisfy(request -> assertThat(request.header(ApiKeys.HEADER)).isEqualTo(ApiKeys.COMPLIANCE));
        // The list was read page by page and filtered, and the report of the month typed, as the compliance officer.
        // (the date inputs' days as the instants they start: the "to" day included, so until is the next day's start)
        assertThat(gdpr.received("/gdpr/requests")).extracting(request -> request.rawQuery())
                .containsExactly("limit=20", "after=cGFnZTI&limit=20", "overdue=true&limit=20",
                        "overdue=true&since=2026-11-03T00:00:00Z&limit=20",
                        "overdue=true&since=2026-11-02T00:00:00Z&limit=20",
                        "overdue=true&since=2026-11-02T00:00:00Z&until=2026-11-02T00:00:00Z&limit=20",
                        "overdue=true&since=2026-11-02T00:00:00Z&until=2026-11-03T00:00:00Z&limit=20");
        List<StubRequest> november = audit.received(request -> request.path().equals("/audit/reports/monthly")
                && "2026-11".equals(request.query("month")));
        assertThat(november).extracting(report -> report.query("format")).containsExactly(null, "csv", "html");
        assertThat(november).allSatisfy(report -> assertThat(report.header(ApiKeys.HEADER))
                .isEqualTo(ApiKeys.COMPLIANCE));
        // The archived run was started once for the month typed and polled until it ended, as the compliance officer.
        assertThat(audit.received(request -> request.path().equals("/audit/reports/monthly/run")
                && "2026-11".equals(request.query("month")))).singleElement().satisfies(started -> {
            assertThat(started.header(ApiKeys.HEADER)).isEqualTo(ApiKeys.COMPLIANCE);
        });
        assertThat(audit.received("/audit/reports/monthly/jobs/" + REPORT_JOB)).hasSize(2)
                .allSatisfy(poll -> assertThat(poll.header(ApiKeys.HEADER)).isEqualTo(ApiKeys.COMPLIANCE));
        // The rollback the administrator confirmed (after cancelling once) went out once, with the version and reason.
        assertThat(ingestion.received(request -> request.path().equals("/mappings/zendesk/rollback")
                && request.bodyText().contains("paused"))).singleElement().satisfies(rollback -> {
            assertThat(JsonBody.json(rollback.bodyText()))
                    .isStrictlyEqualTo("{\"version\":1,\"reason\":\"Billing automation paused\"}");
            assertThat(rollback.header(ApiKeys.HEADER)).isEqualTo(ApiKeys.ADMIN);
        });
        // Everything was read as the person signed in, with their own key (the backtest sample as the analyst, the
        // review queue as the agent, and as the administrator signing in next, who lands on the same page).
        assertThat(ingestion.received("/tickets/validated")).isNotEmpty()
                .anySatisfy(request -> assertThat(request.header(ApiKeys.HEADER)).isEqualTo(ApiKeys.ANALYST))
                .anySatisfy(request -> assertThat(request.header(ApiKeys.HEADER)).isEqualTo(ApiKeys.AGENT))
                .allSatisfy(request -> assertThat(request.header(ApiKeys.HEADER))
                        .isIn(ApiKeys.ANALYST, ApiKeys.AGENT, ApiKeys.ADMIN));
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
        assertThat(browser.get("api/review").statusCode()).isEqualTo(403); // OPS is no agent

        var agent = new BrowserSession(consoleUrl);
        agent.get("session");
        agent.post("session", "{\"apiKey\":\"" + ApiKeys.AGENT + "\"}", true);
        HttpResponse<String> queue = agent.get("api/review");
        assertThat(queue.statusCode()).as(queue.body()).isEqualTo(200);
        assertThat(JsonBody.tree(queue).path("items").findValuesAsString("ticketId"))
                .containsExactlyInAnyOrder(TICKET_A, TICKET_C); // B was decided by a rule
        // Labels are read from just before the oldest of the recent tickets (08:00:01), not from a fixed window.
        assertThat(ingestion.received("/tickets/validated")).anySatisfy(request -> {
            assertThat(request.query("since")).isEqualTo("2026-12-01T08:00:00Z");
            assertThat(request.header(ApiKeys.HEADER)).isEqualTo(ApiKeys.AGENT);
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

    @Test
    void modelsRefuseMalformedIdsNamingTheFieldAndClassifyIsNotAsked() throws Exception {
        BrowserSession analyst = signedIn(ApiKeys.ANALYST);
        int asked = classify.received(request -> request.path().startsWith("/models")).size();
        for (String[] refused : new String[][] {{"api/models/abc/report", "version"},
                {"api/models/0/report", "version"}, {"api/models/-3/report", "version"},
                {"api/models/jobs/not-a-job", "id"}, {"api/models/jobs?limit=0", "limit"},
                {"api/models/jobs?limit=201", "limit"}, {"api/models/jobs?limit=ten", "limit"}}) {
            HttpResponse<String> answer = analyst.get(refused[0]);
            assertThat(answer.statusCode()).as(refused[0]).isEqualTo(400);
            assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(answer.body()).as(refused[0]).contains(refused[1]);
        }
        HttpResponse<String> promote = analyst.post("api/models/1.5/promote", "", true);
        assertThat(promote.statusCode()).isEqualTo(400);
        assertThat(promote.body()).contains("version");
        HttpResponse<String> share = analyst.put("api/models/abc/canary", "{\"share\": 0.2}");
        assertThat(share.statusCode()).as(share.body()).isEqualTo(400);
        assertThat(share.body()).contains("version");
        assertThat(classify.received(request -> request.path().startsWith("/models"))).hasSize(asked);
    }

    @Test
    void modelsPassClassifyServicesAnswersThroughUnchanged() throws Exception {
        BrowserSession analyst = signedIn(ApiKeys.ANALYST);
        HttpResponse<String> report = analyst.get("api/models/2/report");
        assertThat(report.statusCode()).isEqualTo(200);
        assertThat(JsonBody.json(report.body())).isStrictlyEqualTo(REPORT);
        HttpResponse<String> missing = analyst.get("api/models/7/report");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("/models/7/report does not exist");
        // A share for a version that is not STAGING, and a file classify-service cannot train on: its answers.
        HttpResponse<String> notStaging = analyst.put("api/models/1/canary", "{\"share\": 0.2}");
        assertThat(notStaging.statusCode()).isEqualTo(409);
        assertThat(notStaging.body()).contains("only a STAGING version answers a canary share");
        HttpResponse<String> unusable = analyst.upload("api/models/train?column=category", "text,category\n",
                "text/csv");
        assertThat(unusable.statusCode()).isEqualTo(400);
        assertThat(JsonBody.json(unusable.body())).isStrictlyEqualTo(COLUMN_PROBLEM);
        assertThat(classify.received(request -> request.path().equals("/models/train")
                && "category".equals(request.query("column")))).singleElement()
                .satisfies(request -> assertThat(request.bodyText()).isEqualTo("text,category\n"));
        HttpResponse<String> retirements = analyst.get("api/models/retirements");
        assertThat(retirements.statusCode()).isEqualTo(200);
        assertThat(JsonBody.json(retirements.body())).isStrictlyEqualTo(RETIREMENTS);
        HttpResponse<String> conflict = analyst.post("api/models/1/promote", "", true);
        assertThat(conflict.statusCode()).isEqualTo(409);
        assertThat(conflict.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(conflict.body()).contains("only a STAGING version is promoted");
        assertThat(classify.received("/models/1/promote")).last().satisfies(
                request -> assertThat(request.header(ApiKeys.HEADER)).isEqualTo(ApiKeys.ANALYST));
        // Without the CSRF token nothing is promoted.
        int promotions = classify.received("/models/1/promote").size();
        assertThat(analyst.post("api/models/1/promote", "", false).statusCode()).isEqualTo(403);
        assertThat(classify.received("/models/1/promote")).hasSize(promotions);
    }

    @Test
    void modelsAreRefusedToANonAnalystAndClassifyIsNotAsked() throws Exception {
        int asked = classify.received(request -> request.path().startsWith("/models")).size();
        for (String key : List.of(ApiKeys.OPS, ApiKeys.COMPLIANCE)) {
            BrowserSession other = signedIn(key);
            assertThat(other.get("api/models").statusCode()).isEqualTo(403);
            assertThat(other.get("api/models/jobs").statusCode()).isEqualTo(403);
            assertThat(other.get("api/models/2/report").statusCode()).isEqualTo(403);
            assertThat(other.post("api/models/retrain", "", true).statusCode()).isEqualTo(403);
            assertThat(other.post("api/models/2/promote", "", true).statusCode()).isEqualTo(403);
            assertThat(other.put("api/models/2/canary", "{\"share\": 0.2}").statusCode()).isEqualTo(403);
            assertThat(other.upload("api/models/train", TRAINING_FILE, "text/csv").statusCode()).isEqualTo(403);
            assertThat(other.get("api/models/retirements").statusCode()).isEqualTo(403);
        }
        assertThat(classify.received(request -> request.path().startsWith("/models"))).hasSize(asked);
    }

    @Test
    void anUnreachableClassifyServiceIsA503Problem() throws Exception {
        int closedPort;
        try (var socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (ConfigurableApplicationContext alone = new SpringApplicationBuilder(ConsoleApplication.class).run(
                "--server.port=0", "--triage.console.classify-service=http://127.0.0.1:" + closedPort,
                "--server.servlet.session.cookie.secure=false", "--triage.console.sign-in-failures-per-minute=1000",
                "--spring.lifecycle.timeout-per-shutdown-phase=2s", "--logging.level.root=WARN")) {
            var analyst = new BrowserSession("http://127.0.0.1:" + port(alone) + "/");
            analyst.get("session");
            assertThat(analyst.post("session", "{\"apiKey\":\"" + ApiKeys.ANALYST + "\"}", true).statusCode())
                    .isEqualTo(200);
            for (HttpResponse<String> answer : List.of(analyst.get("api/models"),
                    analyst.post("api/models/retrain", "", true))) {
                assertThat(answer.statusCode()).as(answer.body()).isEqualTo(503);
                assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                        type -> assertThat(type).startsWith("application/problem+json"));
                assertThat(answer.body()).contains("127.0.0.1:" + closedPort + " is not reachable");
            }
        }
    }

    @Test
    void mappingsRefuseAnUnknownSourceOrAnEmptyDraftNamingTheFieldAndIngestionIsNotAsked() throws Exception {
        BrowserSession admin = signedIn(ApiKeys.ADMIN);
        int asked = ingestion.received(request -> request.path().startsWith("/mappings")).size();
        HttpResponse<String> unknown = admin.get("api/mappings/freshdesk");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("source");
        HttpResponse<String> unknownPublish = admin.post("api/mappings/freshdesk/publish", "{\"reason\":\"x\"}", true);
        assertThat(unknownPublish.statusCode()).isEqualTo(400);
        assertThat(unknownPublish.body()).contains("source");
        HttpResponse<String> empty = admin.put("api/mappings/jira", "{\"yaml\":\"  \"}");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(empty.body()).contains("yaml");
        assertThat(admin.put("api/mappings/jira", "{}").statusCode()).isEqualTo(400);
        assertThat(ingestion.received(request -> request.path().startsWith("/mappings"))).hasSize(asked);
    }

    @Test
    void mappingsAreRefusedToANonAdminAndIngestionIsNotAsked() throws Exception {
        int asked = ingestion.received(request -> request.path().startsWith("/mappings")).size();
        for (String key : List.of(ApiKeys.ANALYST, ApiKeys.OPS)) {
            BrowserSession other = signedIn(key);
            assertThat(other.get("api/mappings/zendesk").statusCode()).isEqualTo(403);
            assertThat(other.put("api/mappings/zendesk", "{\"yaml\":\"levels: {}\"}").statusCode()).isEqualTo(403);
            assertThat(other.post("api/mappings/zendesk/publish", "{\"reason\":\"x\"}", true).statusCode())
                    .isEqualTo(403);
        }
        assertThat(ingestion.received(request -> request.path().startsWith("/mappings"))).hasSize(asked);
    }

    @Test
    void theErasureListAndTheMonthlyReportRefuseBadParametersNamingThemAndAskNoService() throws Exception {
        BrowserSession officer = signedIn(ApiKeys.COMPLIANCE);
        int asked = gdpr.received("/gdpr/requests").size() + audit.received("/audit/reports/monthly").size();
        int jobs = audit.received(request -> request.path().startsWith("/audit/reports/monthly/")).size();
        for (String[] refused : new String[][] {{"api/compliance/erasures?status=DONE", "status"},
                {"api/compliance/erasures?overdue=yes", "overdue"}, {"api/compliance/erasures?since=yesterday", "since"},
                {"api/compliance/erasures?until=2026-11-31T00:00:00Z", "until"},
                {"api/compliance/erasures?limit=0", "limit"}, {"api/compliance/erasures?limit=201", "limit"},
                {"api/compliance/erasures?after=a%26status%3DCOMPLETED", "after"},
                {"api/compliance/reports/monthly?month=2026-13", "month"},
                {"api/compliance/reports/monthly?month=november", "month"},
                {"api/compliance/reports/monthly", "month"},
                {"api/compliance/reports/monthly?month=2026-11&format=pdf", "format"},
                {"api/compliance/reports/monthly/jobs/not-a-job", "id"}}) {
            HttpResponse<String> answer = officer.get(refused[0]);
            assertThat(answer.statusCode()).as(refused[0]).isEqualTo(400);
            assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(answer.body()).as(refused[0]).contains(refused[1]);
        }
        for (String month : new String[] {"2026-13", "", "11-2026"}) {
            HttpResponse<String> run = officer.post("api/compliance/reports/monthly/run?month=" + month, "", true);
            assertThat(run.statusCode()).as(month).isEqualTo(400);
            assertThat(run.body()).as(month).contains("month");
        }
        assertThat(officer.post("api/compliance/reports/monthly/run?month=2026-11", "", false).statusCode())
                .as("starting a run needs the CSRF token").isEqualTo(403);
        assertThat(gdpr.received("/gdpr/requests").size() + audit.received("/audit/reports/monthly").size())
                .isEqualTo(asked);
        assertThat(audit.received(request -> request.path().startsWith("/audit/reports/monthly/"))).hasSize(jobs);
    }

    @Test
    void aReportDownloadIsAnAttachmentOfTheServicesBytesAndARefusalStaysAProblem() throws Exception {
        BrowserSession officer = signedIn(ApiKeys.COMPLIANCE);
        HttpResponse<String> csv = officer.get("api/compliance/reports/monthly?month=2026-10&format=csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValue("text/csv;charset=UTF-8");
        assertThat(csv.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"compliance-report-2026-10.csv\"");
        assertThat(csv.body()).isEqualTo(reportCsv("2026-10"));
        HttpResponse<String> html = officer.get("api/compliance/reports/monthly?month=2026-10&format=html");
        assertThat(html.headers().firstValue("Content-Type")).hasValue("text/html;charset=UTF-8");
        assertThat(html.headers().firstValue("Content-Disposition")).as("its HTML never renders in the console")
                .hasValue("attachment; filename=\"compliance-report-2026-10.html\"");
        assertThat(audit.received(request -> "2026-10".equals(request.query("month"))))
                .extracting(request -> request.header("Accept"))
                .containsExactly("text/csv, application/problem+json", "text/html, application/problem+json");
        // A month that has not ended cannot be archived: audit-service's 400 reaches the page unchanged.
        HttpResponse<String> early = officer.post("api/compliance/reports/monthly/run?month=2026-12", "", true);
        assertThat(early.statusCode()).isEqualTo(400);
        assertThat(early.body()).contains("has not ended yet").contains("\"field\":\"month\"");
    }

    @Test
    void aMappingRollbackWithoutAReasonIsIngestionsRefusalNamingIt() throws Exception {
        BrowserSession admin = signedIn(ApiKeys.ADMIN);
        HttpResponse<String> refused = admin.post("api/mappings/zendesk/rollback", "{\"version\":1,\"reason\":\" \"}",
                true);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("\"field\":\"reason\"");
        assertThat(admin.post("api/mappings/freshdesk/rollback", "{\"version\":1,\"reason\":\"x\"}", true)
                .statusCode()).isEqualTo(400);
    }

    @Test
    void theErasureListAndTheMonthlyReportAreRefusedToANonComplianceRole() throws Exception {
        int asked = gdpr.received("/gdpr/requests").size() + audit.received("/audit/reports/monthly").size();
        for (String key : List.of(ApiKeys.ANALYST, ApiKeys.OPS)) {
            BrowserSession other = signedIn(key);
            assertThat(other.get("api/compliance/erasures").statusCode()).isEqualTo(403);
            assertThat(other.get("api/compliance/reports/monthly?month=2026-11").statusCode()).isEqualTo(403);
            assertThat(other.get("api/compliance/reports/monthly?month=2026-11&format=csv").statusCode())
                    .isEqualTo(403);
            assertThat(other.post("api/compliance/reports/monthly/run?month=2026-11", "", true).statusCode())
                    .isEqualTo(403);
        }
        assertThat(gdpr.received("/gdpr/requests").size() + audit.received("/audit/reports/monthly").size())
                .isEqualTo(asked);
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
                   "alternatives": [], "candidates": {"department": [{"label": "Shipping/Delivery", "confidence": 0.41},
                                    {"label": "Billing", "confidence": 0.38}, {"label": "Sales", "confidence": 0.09}],
                     "urgency": [], "sentiment": []},
                   "explanation": {"summary": "No tier was confident: the model's best two departments are close.",
                     "matchedRule": null, "matchedText": null, "similarTickets": [], "strongestNgrams": []}}}"""
                .formatted(ticketId, decisionId, review ? "NEEDS_REVIEW" : "RULE", review ? "null" : "\"Technical Support\"",
                        review ? "0.41" : "0.9", decisionId, review ? "NEEDS_REVIEW" : "RULE");
    }

    private static int port(ConfigurableApplicationContext context) {
        return RulesEngineInProcess.port(context);
    }
}
