package io.triage.systemtests.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import io.triage.audit.AuditServiceApplication;
import io.triage.classify.ClassifyServiceApplication;
import io.triage.ingestion.IngestionServiceApplication;
import io.triage.rules.RulesEngineApplication;
import io.triage.systemtests.SuiteArguments;
import io.triage.testsupport.ApiKeys;
import io.triage.testsupport.BackingServices;
import io.triage.testsupport.ServiceHttp;
import io.triage.testsupport.TestDatabase;
import io.triage.testsupport.otlp.OtlpReceiver;
import io.triage.testsupport.otlp.ReceivedSpan;
import io.triage.testsupport.stub.StubReply;
import io.triage.testsupport.stub.StubServer;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.ThrowingRunnable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One ticket, one trace: ingestion-service, classify-service, rules-engine and audit-service run in this JVM and
 * export their spans over OTLP/HTTP (the real wire format) to an in-process {@link OtlpReceiver}; the LLM is a fake
 * speaking OpenAI's chat-completions format. The test imports one ticket with its own W3C {@code traceparent} and
 * finds that trace id on ingestion's request, its call to classify-service, classify's request and its call to
 * rules-engine (remote evaluation, one call per ticket), rules-engine's request, the {@code llm.chat} span and the
 * JDBC spans of the services; audit-service's request, which the outbox relay makes later, joins the trace as a
 * child or through a span link. The embedding tier is unreachable here (a refused connection) and so shows only as
 * classify's failed client span, if at all.
 */
class TraceIT {

    private static final String NOWHERE = "http://127.0.0.1:9";
    private static final String LLM_MODEL = "stub-model";
    private static final String INGESTION = "ingestion-service";
    private static final String CLASSIFY = "classify-service";
    private static final String RULES = "rules-engine";
    private static final String AUDIT = "audit-service";
    /** How long a span may take to arrive: export every 100 ms, the relay polls about once a second. */
    private static final Duration ARRIVAL = Duration.ofSeconds(20);

    @TempDir
    static java.nio.file.Path work;

    private static final Map<String, Integer> PORTS = new LinkedHashMap<>();
    private static final List<ConfigurableApplicationContext> SERVICES = new ArrayList<>();
    private static final OtlpReceiver otlp = new OtlpReceiver();
    private static final StubServer llm = new StubServer();
    /** The ticket's trace, chosen here and sent as the import request's {@code traceparent}. */
    private static final String TRACE = HexFormat.of().formatHex(randomBytes(16));

    @BeforeAll
    static void startServicesAndImportOneTicket() {
        llm.onAny("/", request -> StubReply.json(chatCompletion(
                "{\"department\":\"Billing\",\"urgency\":\"Medium\",\"sentiment\":\"Neutral\","
                        + "\"confidence\":0.93,\"reason\":\"duplicate-charge\"}", 321, 17)));
        for (String name : List.of(RULES, CLASSIFY, AUDIT, INGESTION)) {
            PORTS.put(name, SuiteArguments.freePort());
        }
        BackingServices backing = BackingServices.get();
        List<CompletableFuture<ConfigurableApplicationContext>> starting = List.of(
                boot(() -> new SpringApplicationBuilder(RulesEngineApplication.class)
                        .run(common(backing.createDatabase(), RULES, "rules"))),
                boot(() -> new SpringApplicationBuilder(ClassifyServiceApplication.class)
                        .run(classifyArguments(backing))),
                boot(() -> new SpringApplicationBuilder(AuditServiceApplication.class)
                        .run(auditArguments(backing.createDatabase()))),
                boot(() -> new SpringApplicationBuilder(IngestionServiceApplication.class)
                        .run(ingestionArguments(backing.createDatabase()))));
        CompletableFuture.allOf(starting.toArray(CompletableFuture[]::new)).exceptionally(failure -> null).join();
        for (CompletableFuture<ConfigurableApplicationContext> service : starting) {
            if (!service.isCompletedExceptionally()) {
                SERVICES.add(service.join()); // closed after the tests even if another one failed to start
            }
        }
        starting.forEach(CompletableFuture::join); // the first start-up failure, if any
        otlp.clear(); // start-up work (migrations, first polls) is not the ticket's

        String parentSpan = HexFormat.of().formatHex(randomBytes(8));
        HttpResponse<String> imported = ServiceHttp.onPort(PORTS.get(INGESTION)).send(
                ServiceHttp.onPort(PORTS.get(INGESTION)).request("/tickets", ApiKeys.OPS)
                        .header("Content-Type", "application/json")
                        .header("traceparent", "00-" + TRACE + "-" + parentSpan + "-01")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(ticket())));
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
    }

    @Test
    void ingestionClassifyAndRulesServeTheTicketInOneTrace() {
        eventually(() -> {
            assertThat(serverSpans(INGESTION, "/tickets")).as("ingestion's import request").isNotEmpty();
            assertThat(clientSpans(INGESTION)).as("ingestion's call to classify-service").isNotEmpty();
            assertThat(serverSpans(CLASSIFY, "/classify")).as("classify's request").isNotEmpty();
            assertThat(clientSpans(CLASSIFY)).as("classify's calls (rules-engine, LLM, …)").isNotEmpty();
            assertThat(serverSpans(RULES, "/rules/evaluate")).as("rules-engine's evaluation").isNotEmpty();
            // A caller's client span ends, and is exported, only after the callee's server span: awaited too.
            assertThat(serverSpans(INGESTION, "/tickets").getFirst().parentSpanId())
                    .as("ingestion continued the caller's trace").isNotNull();
            assertThat(serverSpans(CLASSIFY, "/classify").getFirst().parentSpanId())
                    .as("classify's request is a child of ingestion's call")
                    .isIn(clientSpans(INGESTION).stream().map(ReceivedSpan::spanId).toList());
            assertThat(serverSpans(RULES, "/rules/evaluate").getFirst().parentSpanId())
                    .as("rules-engine's request is a child of classify's call")
                    .isIn(clientSpans(CLASSIFY).stream().map(ReceivedSpan::spanId).toList());
        });
    }

    @Test
    void theLlmCallIsASpanWithModelAndTokenCountsButNoText() {
        eventually(() -> assertThat(inTrace(span -> span.service().equals(CLASSIFY)
                && span.name().equals("llm.chat"))).as("classify's llm.chat span").hasSize(1));
        ReceivedSpan chat = inTrace(span -> span.name().equals("llm.chat")).getFirst();
        assertThat(llm.received("/v1/chat/completions")).as("the fake LLM was asked once").hasSize(1);
        assertThat(chat.attributes()).containsEntry("gen_ai.request.model", LLM_MODEL)
                .containsEntry("gen_ai.usage.input_tokens", "321")
                .containsEntry("gen_ai.usage.output_tokens", "17");
        assertThat(String.join(" ", chat.attributes().values()))
                .as("neither the ticket's text nor the LLM's answer")
                .doesNotContain("Sundays", "Main Street", "Billing", "duplicate-charge");
    }

    @Test
    void databaseWorkAppearsAsSpansOfTheTrace() {
        eventually(() -> {
            for (String service : List.of(INGESTION, CLASSIFY)) {
                assertThat(inTrace(span -> span.service().equals(service) && span.name().startsWith("query")
                        || span.service().equals(service) && span.name().startsWith("jdbc")))
                        .as("%s's JDBC spans", service).isNotEmpty();
            }
        });
        assertThat(inTrace(span -> span.name().startsWith("query") || span.name().startsWith("jdbc")))
                .as("no query parameter values on the spans (they carry ticket text)")
                .allSatisfy(span -> assertThat(span.attributes().keySet())
                        .noneMatch(key -> key.contains("param")));
    }

    @Test
    void auditServiceJoinsTheTicketsTraceThroughTheOutbox() {
        eventually(() -> {
            Set<String> relayTraces = otlp.spans(span -> span.service().equals(CLASSIFY) && span.joins(TRACE))
                    .stream().map(ReceivedSpan::traceId).collect(Collectors.toSet());
            assertThat(otlp.spans(span -> span.service().equals(AUDIT) && span.kind().equals("SERVER")
                    && "/audit/events".equals(span.attributes().get("uri")) && relayTraces.contains(span.traceId())))
                    .as("audit-service's POST /audit/events in the ticket's trace, or under a relay span linked to it")
                    .isNotEmpty();
        });
    }

    private List<ReceivedSpan> inTrace(Predicate<ReceivedSpan> matching) {
        return otlp.spans(span -> span.traceId().equals(TRACE) && matching.test(span));
    }

    private List<ReceivedSpan> serverSpans(String service, String uri) {
        return inTrace(span -> span.service().equals(service) && span.kind().equals("SERVER")
                && uri.equals(span.attributes().get("uri")));
    }

    private List<ReceivedSpan> clientSpans(String service) {
        return inTrace(span -> span.service().equals(service) && span.kind().equals("CLIENT"));
    }

    /** Waits for the assertion to hold; on time-out prints what did arrive, grouped by trace. */
    private void eventually(ThrowingRunnable assertion) {
        try {
            await().atMost(ARRIVAL).pollInterval(Duration.ofMillis(200)).untilAsserted(assertion);
        } catch (ConditionTimeoutException e) {
            report();
            throw e;
        }
    }

    private void report() {
        System.out.println("TraceIT: expected trace " + TRACE + "; received:");
        otlp.spans().stream().collect(Collectors.groupingBy(ReceivedSpan::traceId)).forEach((trace, spans) -> {
            System.out.println("  trace " + trace);
            spans.forEach(span -> System.out.println("    " + span));
        });
    }

    /** A question no initial rule decides, so the chain goes on to the LLM. */
    private static String ticket() {
        return """
                {"source":"IMPORT","externalId":"TRACE-1","customerId":"cust-trace-1","channel":"email",
                 "subject":"Opening hours on Sundays",
                 "description":"Could you tell me when the shop on Main Street opens on Sundays? Thanks a lot.",
                 "sourceUpdatedAt":"%s"}""".formatted(Instant.now());
    }

    /** An OpenAI {@code /v1/chat/completions} answer, as classify-service's own tests stub it. */
    private static String chatCompletion(String content, long promptTokens, long completionTokens) {
        return """
                {"id":"chatcmpl-trace","object":"chat.completion","created":1764000000,"model":"%s",
                 "choices":[{"index":0,"message":{"role":"assistant","content":"%s","refusal":null},
                 "logprobs":null,"finish_reason":"stop"}],
                 "usage":{"prompt_tokens":%d,"completion_tokens":%d,"total_tokens":%d}}"""
                .formatted(LLM_MODEL, content.replace("\"", "\\\""), promptTokens, completionTokens,
                        promptTokens + completionTokens);
    }

    private static CompletableFuture<ConfigurableApplicationContext> boot(
            Supplier<ConfigurableApplicationContext> service) {
        return CompletableFuture.supplyAsync(service);
    }

    private static String[] common(TestDatabase database, String name, String schema, String... more) {
        List<String> arguments = new ArrayList<>(List.of(
                // Every trace kept and exported at once to the in-process receiver (production samples 10 %).
                "--management.tracing.sampling.probability=1.0",
                "--management.opentelemetry.tracing.export.otlp.endpoint=" + otlp.tracesEndpoint(),
                "--management.opentelemetry.tracing.export.schedule-delay=100ms"));
        arguments.addAll(List.of(more));
        return SuiteArguments.service(database, PORTS.get(name), name, schema, arguments.toArray(String[]::new));
    }

    private static String url(String service) {
        return "http://127.0.0.1:" + PORTS.get(service);
    }

    private static String[] classifyArguments(BackingServices backing) {
        var redis = backing.redis();
        return common(backing.createDatabase(), CLASSIFY, "classify",
                "--spring.data.redis.host=" + redis.host(),
                "--spring.data.redis.port=" + redis.port(),
                "--triage.platform.redis-key-prefix=" + redis.keyPrefix(),
                "--spring.http.serviceclient.rules.base-url=" + url(RULES),
                "--spring.http.serviceclient.rules.default-header.X-API-Key=" + ApiKeys.CLASSIFY_SERVICE,
                "--spring.http.serviceclient.audit.base-url=" + url(AUDIT),
                "--spring.http.serviceclient.audit.default-header.X-API-Key=" + ApiKeys.CLASSIFY_SERVICE,
                "--spring.http.serviceclient.ingestion.base-url=" + url(INGESTION),
                "--spring.http.serviceclient.ingestion.default-header.X-API-Key=" + ApiKeys.CLASSIFY_SERVICE,
                "--spring.http.serviceclient.embedding.base-url=" + NOWHERE,
                // One call to rules-engine per ticket, so rules-engine is in the ticket's trace.
                "--triage.classify.tiers.rules.evaluation=remote",
                "--triage.classify.tiers.rules.timeout=5s",
                "--triage.classify.tiers.llm.api-key=stub-key",
                "--triage.classify.tiers.llm.model=" + LLM_MODEL,
                "--triage.classify.tiers.llm.base-url=" + llm.baseUrl() + "/v1",
                "--triage.platform.resilience.max-attempts=1");
    }

    private static String[] auditArguments(TestDatabase database) {
        return common(database, AUDIT, "audit", SuiteArguments.auditStorage(work).toArray(String[]::new));
    }

    private static String[] ingestionArguments(TestDatabase database) {
        return common(database, INGESTION, "ingestion",
                "--spring.http.serviceclient.classify.base-url=" + url(CLASSIFY),
                // One application.yml wins on this shared classpath (not ingestion's): the key is given here.
                "--spring.http.serviceclient.classify.default-header.X-API-Key=" + ApiKeys.INGESTION_SERVICE,
                "--triage.ingestion.flow.classify=true",
                "--triage.ingestion.flow.index=false");
    }

    private static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }

    @AfterAll
    static void stopEverything() {
        SERVICES.forEach(ConfigurableApplicationContext::close);
        llm.close();
        otlp.close();
    }
}
