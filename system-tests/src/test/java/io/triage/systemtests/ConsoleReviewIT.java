package io.triage.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import io.triage.classify.ClassifyServiceApplication;
import io.triage.classify.model.HeadPrediction;
import io.triage.classify.model.ModelAnswer;
import io.triage.classify.model.ModelBundle;
import io.triage.classify.model.ModelTier;
import io.triage.ingestion.IngestionServiceApplication;
import io.triage.testsupport.ApiKeys;
import io.triage.testsupport.BackingServices;
import io.triage.testsupport.ServiceHttp;
import io.triage.testsupport.browser.ChromiumScript;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * The review queue end to end with the real services: ingestion-service imports a ticket and hands it to
 * classify-service, where no tier is sure (no LLM, no rules, no cache; the trained model is below its department
 * threshold, see {@link UnsureModel}) and so decides {@code NEEDS_REVIEW} with the model's best departments as
 * candidates; the console, started from its own executable jar as it is deployed, lists the ticket with its sanitised
 * text only. An agent signs in and corrects it in Chromium, keyboard only ({@code src/test/browser/review.mjs},
 * axe-core on the queue); the correction goes through classify-service's {@code POST /feedback} and reaches
 * ingestion-service as the ticket's validated label (what retraining reads), after which the ticket leaves the queue.
 * Without Chromium or playwright-core that test is skipped as the console's browser tests are ({@link ChromiumScript}).
 */
class ConsoleReviewIT {

    private static final String NOWHERE = "http://127.0.0.1:9";
    private static final String EMAIL = "dana.whitfield@example.org";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final List<ConfigurableApplicationContext> SERVICES = new ArrayList<>();
    private static final int CLASSIFY = SuiteArguments.freePort();
    private static final int INGESTION = SuiteArguments.freePort();
    private static final int CONSOLE = SuiteArguments.freePort();
    private static Process console;
    private static String ticketId;

    @BeforeAll
    static void startSuiteAndImportATicket() throws IOException {
        console = startConsole();
        BackingServices backing = BackingServices.get();
        var redis = backing.redis();
        List<CompletableFuture<ConfigurableApplicationContext>> starting = List.of(
                CompletableFuture.supplyAsync(() -> new SpringApplicationBuilder(ClassifyServiceApplication.class,
                        UnsureModel.class).run(SuiteArguments.service(backing.createDatabase(), CLASSIFY,
                                "classify-service", "classify",
                                "--spring.data.redis.host=" + redis.host(),
                                "--spring.data.redis.port=" + redis.port(),
                                "--triage.platform.redis-key-prefix=" + redis.keyPrefix(),
                                "--spring.http.serviceclient.rules.base-url=" + NOWHERE,
                                "--spring.http.serviceclient.audit.base-url=" + NOWHERE,
                                "--spring.http.serviceclient.embedding.base-url=" + NOWHERE,
                                "--spring.http.serviceclient.ingestion.base-url=http://127.0.0.1:" + INGESTION,
                                "--spring.http.serviceclient.ingestion.default-header.X-API-Key="
                                        + ApiKeys.CLASSIFY_SERVICE,
                                "--triage.platform.resilience.max-attempts=1"))),
                CompletableFuture.supplyAsync(() -> new SpringApplicationBuilder(IngestionServiceApplication.class)
                        .run(SuiteArguments.service(backing.createDatabase(), INGESTION, "ingestion-service",
                                "ingestion",
                                "--spring.http.serviceclient.classify.base-url=http://127.0.0.1:" + CLASSIFY,
                                "--spring.http.serviceclient.classify.default-header.X-API-Key="
                                        + ApiKeys.INGESTION_SERVICE,
                                "--triage.ingestion.flow.classify=true",
                                "--triage.ingestion.flow.index=false"))));
        CompletableFuture.allOf(starting.toArray(CompletableFuture[]::new)).exceptionally(failure -> null).join();
        for (CompletableFuture<ConfigurableApplicationContext> service : starting) {
            if (!service.isCompletedExceptionally()) {
                SERVICES.add(service.join());
            }
        }
        starting.forEach(CompletableFuture::join);

        HttpResponse<String> imported = ServiceHttp.onPort(INGESTION).post("/tickets", ApiKeys.OPS, """
                {"source":"IMPORT","externalId":"REVIEW-1","customerId":"cust-review-1","channel":"email",
                 "subject":"Charged twice for one order",
                 "description":"My card was charged twice for the same order. Please write to me at %s."
                 ,"sourceUpdatedAt":"%s"}""".formatted(EMAIL, Instant.now()));
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        ticketId = JSON.readTree(imported.body()).path("ticketId").asString();
        assertThat(ticketId).isNotBlank();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            HttpResponse<String> decision = ServiceHttp.onPort(INGESTION).get("/tickets/" + ticketId + "/decision",
                    ApiKeys.OPS);
            assertThat(decision.statusCode()).as(decision.body()).isEqualTo(200);
            assertThat(JSON.readTree(decision.body()).path("routingMethod").asString()).isEqualTo("NEEDS_REVIEW");
        });
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> consoleAnswers());
    }

    @Test
    void anAgentsCorrectionInChromiumBecomesTheTicketsValidatedLabelInIngestion() throws Exception {
        ChromiumScript.find("ConsoleReviewIT").run(Path.of("src/test/browser/review.mjs"), Map.of(
                "CONSOLE_URL", "http://127.0.0.1:" + CONSOLE + "/", "AGENT_KEY", ApiKeys.AGENT,
                "TICKET", ticketId.substring(0, 8), "EMAIL", EMAIL, "DEPARTMENT", "Billing"),
                Duration.ofMinutes(2), Path.of("target", "console-review-browser.log"));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            HttpResponse<String> validated = ServiceHttp.onPort(INGESTION).get("/tickets/validated?since="
                    + Instant.now().minus(Duration.ofHours(1)) + "&limit=100", ApiKeys.OPS);
            assertThat(validated.statusCode()).as(validated.body()).isEqualTo(200);
            JsonNode label = null;
            for (JsonNode candidate : JSON.readTree(validated.body()).path("items")) {
                if (candidate.path("id").asString().equals(ticketId)) {
                    label = candidate;
                }
            }
            assertThat(label).as("the ticket's validated label in ingestion: " + validated.body()).isNotNull();
            assertThat(label.path("department").asString()).isEqualTo("Billing");
            assertThat(label.path("text").asString()).doesNotContain(EMAIL);
        });
        Browser agent = new Browser("http://127.0.0.1:" + CONSOLE);
        agent.get("/session");
        assertThat(agent.post("/session", "{\"apiKey\":\"" + ApiKeys.AGENT + "\"}").statusCode()).isEqualTo(200);
        HttpResponse<String> after = agent.get("/api/review");
        assertThat(after.statusCode()).as(after.body()).isEqualTo(200);
        assertThat(item(after.body())).as("a reviewed ticket leaves the queue: " + after.body()).isNull();
    }

    @Test
    void anAgentsKeyOpensTheReviewQueueAndNothingElse() {
        // (a valid ticket: a body that fails validation is refused with 400 before the role is checked)
        assertThat(ServiceHttp.onPort(INGESTION).post("/tickets", ApiKeys.AGENT, """
                {"source":"IMPORT","externalId":"AGENT-1","channel":"email","subject":"Hello",
                 "description":"An agent may not import tickets.","sourceUpdatedAt":"%s"}""".formatted(Instant.now()))
                .statusCode()).as("no ticket intake").isEqualTo(403);
        assertThat(ServiceHttp.onPort(INGESTION).get("/writebacks?state=failed", ApiKeys.AGENT).statusCode())
                .as("no write-back operations").isEqualTo(403);
        assertThat(ServiceHttp.onPort(CLASSIFY).post("/classify", ApiKeys.AGENT,
                "{\"ticketId\":\"t\",\"subject\":\"s\",\"description\":\"d\"}").statusCode())
                .as("no classification").isEqualTo(403);
        assertThat(ServiceHttp.onPort(CLASSIFY).get("/models", ApiKeys.AGENT).statusCode())
                .as("no models").isEqualTo(403);
    }

    @Test
    void aCorrectionWithoutTheCsrfTokenChangesNothing() throws Exception {
        Browser agent = new Browser("http://127.0.0.1:" + CONSOLE);
        agent.get("/session");
        assertThat(agent.post("/session", "{\"apiKey\":\"" + ApiKeys.AGENT + "\"}").statusCode()).isEqualTo(200);
        HttpResponse<String> forged = agent.send(HttpRequest.newBuilder(agent.uri("/api/review/feedback"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"decisionId\":\"x\",\"department\":\"Billing\"}")));
        assertThat(forged.statusCode()).isEqualTo(403);
    }

    private static JsonNode item(String queue) throws IOException {
        for (JsonNode candidate : JSON.readTree(queue).path("items")) {
            if (candidate.path("ticketId").asString().equals(ticketId)) {
                return candidate;
            }
        }
        return null;
    }

    /** The console as deployed: its executable jar in a JVM of its own, with the real services' addresses. */
    private static Process startConsole() throws IOException {
        Path jar;
        try (Stream<Path> files = Files.list(Path.of("..", "console", "target"))) {
            jar = files.filter(f -> f.getFileName().toString().matches("console-.*-exec\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException(
                            "console/target/console-*-exec.jar is missing: the console module is packaged before "
                                    + "system-tests in the reactor"));
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        Path log = Path.of("target", "console-review-it.log");
        Files.createDirectories(log.getParent());
        return new ProcessBuilder(java, "-Xmx256m", "-jar", jar.toString(),
                "--server.port=" + CONSOLE,
                "--triage.console.classify-service=http://127.0.0.1:" + CLASSIFY,
                "--triage.console.ingestion-service=http://127.0.0.1:" + INGESTION,
                "--triage.console.rules-engine=" + NOWHERE,
                "--triage.console.audit-service=" + NOWHERE,
                "--triage.console.gdpr-service=" + NOWHERE,
                "--server.servlet.session.cookie.secure=false",
                "--logging.level.root=WARN")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static boolean consoleAnswers() {
        if (!console.isAlive()) {
            throw new IllegalStateException("the console exited with " + console.exitValue()
                    + "; see system-tests/target/console-review-it.log");
        }
        try {
            return new Browser("http://127.0.0.1:" + CONSOLE).get("/session").statusCode() < 500;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @AfterAll
    static void stopEverything() throws InterruptedException {
        if (console != null) {
            console.destroy();
            if (!console.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                console.destroyForcibly();
            }
        }
        SERVICES.forEach(ConfigurableApplicationContext::close);
    }

    /**
     * classify-service's model, trained as {@link TrainedModel}'s, whose department head is below its threshold on
     * every ticket: the ML tier is not sure, and its three best departments are what the agent chooses from (a
     * {@code NEEDS_REVIEW} decision's candidates come only from the tiers that considered the ticket).
     */
    @Configuration(proxyBeanMethods = false)
    static class UnsureModel {

        @Bean
        @Primary
        ModelTier unsureModelTier() {
            ModelBundle bundle = TrainedModel.train();
            return (text, ticketId) -> {
                Map<String, HeadPrediction> heads = new LinkedHashMap<>(bundle.predict(text, TrainedModel.VERSION));
                heads.computeIfPresent("department", (head, p) -> new HeadPrediction(p.label(), p.confidence(),
                        p.topCandidates(), p.strongestNgrams(), p.modelVersion(), true));
                return new ModelAnswer(TrainedModel.VERSION, false, heads);
            };
        }
    }

    /** What a browser keeps between calls: cookies, and the CSRF token it echoes on state-changing calls. */
    private static final class Browser {

        private final String base;
        private final CookieManager cookies = new CookieManager();
        private final HttpClient http;

        Browser(String base) {
            this.base = base;
            this.http = HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(Duration.ofSeconds(5)).build();
        }

        URI uri(String path) {
            return URI.create(base + path);
        }

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return send(HttpRequest.newBuilder(uri(path)).GET());
        }

        HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
            return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                    .header("X-XSRF-TOKEN", cookie("XSRF-TOKEN")).POST(HttpRequest.BodyPublishers.ofString(json)));
        }

        HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        }

        private String cookie(String name) {
            return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                    .map(HttpCookie::getValue).findFirst().orElse("");
        }
    }
}
