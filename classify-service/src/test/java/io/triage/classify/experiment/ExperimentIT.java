package io.triage.classify.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.triage.classify.testing.Downstreams;
import io.triage.classify.testing.Stubs.Neighbour;
import io.triage.classify.testing.Stubs;
import io.triage.classify.testing.TestModel;
import io.triage.testsupport.ApiKeys;
import io.triage.testsupport.IsolatedBackingServices;
import io.triage.testsupport.ServiceHttp;
import io.triage.testsupport.stub.StubReply;
import io.triage.testsupport.stub.StubServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Both experiments at 50/50 on the running service: assignment by ticket id, the rules tier bypassed in the
 * direct-ML arm, prompts without examples in the zero-shot arm, and the per-arm report from feedback.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        // Remote rules evaluation: POST /rules/evaluate shows which arm consulted the rules.
        "triage.classify.tiers.rules.evaluation=remote",
        "triage.classify.tiers.experiments.direct-ml-share=0.5",
        "triage.classify.tiers.experiments.zero-shot-share=0.5",
        "triage.classify.tiers.llm.api-key=stub-key",
        "triage.classify.tiers.rules.timeout=2s",
        "triage.classify.tiers.cache.timeout=2s"})
@IsolatedBackingServices
@Import(TestModel.class)
class ExperimentIT {

    static final int TICKETS = 24;
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Downstreams downstreams = new Downstreams();
    static final StubServer llm = new StubServer();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void dependencies(DynamicPropertyRegistry registry) {
        downstreams.register(registry);
        registry.add("triage.classify.tiers.llm.base-url", () -> llm.baseUrl() + "/v1");
    }

    @AfterAll
    static void stopServers() {
        downstreams.close();
        llm.close();
    }

    @BeforeEach
    void quietDependencies() {
        downstreams.quiet();
    }

    @Test
    void armsAreAssignedByTicketIdAndComparedFromFeedback() {
        // Rules fire only on "locked"; the gibberish tickets reach the LLM, whose stub bills a token per 4 characters.
        downstreams.rules().onAny("/", request -> StubReply.json(request.bodyText().contains("locked")
                ? Stubs.ruleFired("R001", "Security", "High", 0.95, "locked") : Stubs.noRule()));
        downstreams.embedding().onAny("/", request -> StubReply.json(Stubs.neighbours(List.of(
                new Neighbour("H-1", 0.86, "Billing", "Medium", "Neutral"),
                new Neighbour("H-2", 0.84, "Billing", "Low", "Neutral")))));
        llm.onAny("/", request -> StubReply.json(Stubs.chatCompletion(
                Stubs.llmAnswer("Billing", "Medium", "Neutral", 0.8), request.bodyText().length() / 4, 30)));
        ServiceHttp http = ServiceHttp.onPort(port);
        for (int i = 0; i < TICKETS; i++) {
            String description = i % 2 == 0 ? "my account is locked, ticket " + i : "plugh xyzzy frotz " + i;
            JsonNode result = JSON.readTree(http.post("/classify", ApiKeys.CLASSIFIER, """
                    {"ticketId":"EXP-%d","description":"%s"}""".formatted(i, description)).body());
            assertThat(result.get("experiments").size()).isEqualTo(2);
            String arm = result.get("experiments").get(ExperimentAssignment.RULES_VS_ML).asString();
            if (arm.equals(ExperimentAssignment.DIRECT_ML)) {
                assertThat(result.get("routingMethod").asString()).isNotEqualTo("RULE");
            }
            String correct = i % 2 == 0 ? "Security" : (i % 4 == 1 ? "Billing" : "Sales");
            assertThat(http.post("/feedback", ApiKeys.CLASSIFIER, """
                    {"ticketId":"EXP-%d","department":"%s"}""".formatted(i, correct)).statusCode()).isEqualTo(201);
        }

        JsonNode rulesVsMl = JSON.readTree(http.get("/experiments/rules-vs-ml/report", ApiKeys.ANALYST).body());
        assertThat(rulesVsMl.get("share").asDouble()).isEqualTo(0.5);
        assertThat(rulesVsMl.get("arms")).hasSize(2);
        long decisions = 0;
        for (JsonNode arm : rulesVsMl.get("arms")) {
            decisions += arm.get("decisions").asLong();
            assertThat(arm.get("judged").asLong()).isEqualTo(arm.get("decisions").asLong());
            assertThat(arm.get("accuracy").get("low").asDouble()).isLessThanOrEqualTo(
                    arm.get("accuracy").get("estimate").asDouble());
        }
        assertThat(decisions).isEqualTo(TICKETS);
        assertThat(downstreams.rules().received("/rules/evaluate")).as("only the rules-first arm asks rules-engine")
                .hasSize((int) armDecisions(rulesVsMl, ExperimentAssignment.RULES_FIRST));

        JsonNode ragVsZeroShot = JSON.readTree(http.get("/experiments/rag-vs-zero-shot/report", ApiKeys.OPS)
                .body());
        assertThat(ragVsZeroShot.get("arms").findValues("arm")).extracting(JsonNode::asString)
                .containsExactly(ExperimentAssignment.RAG, ExperimentAssignment.ZERO_SHOT);
        assertThat(tokens(ragVsZeroShot, ExperimentAssignment.RAG))
                .as("the stub bills by prompt length, and RAG prompts carry examples")
                .isGreaterThan(tokens(ragVsZeroShot, ExperimentAssignment.ZERO_SHOT));
        assertThat(http.get("/experiments/nonsense/report", ApiKeys.OPS).statusCode()).isEqualTo(404);
    }

    private static long armDecisions(JsonNode report, String arm) {
        for (JsonNode entry : report.get("arms")) {
            if (entry.get("arm").asString().equals(arm)) {
                return entry.get("decisions").asLong();
            }
        }
        return 0;
    }

    private static double tokens(JsonNode report, String arm) {
        for (JsonNode entry : report.get("arms")) {
            if (entry.get("arm").asString().equals(arm)) {
                return entry.get("tokens").get("estimate").asDouble();
            }
        }
        return Double.NaN;
    }
}
