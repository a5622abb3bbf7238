package io.triage.classify.llm;

import static org.assertj.core.api.Assertions.assertThat;

import io.triage.classify.testing.Downstreams;
import io.triage.classify.testing.Stubs;
import io.triage.classify.testing.TestModel;
import io.triage.testsupport.ApiKeys;
import io.triage.testsupport.IsolatedBackingServices;
import io.triage.testsupport.JsonBody;
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

/** With Redis unreachable the LLM tier still answers; only its response cache is lost. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "triage.classify.tiers.llm.api-key=stub-key",
        "triage.classify.tiers.rules.timeout=2s",
        "triage.classify.tiers.cache.timeout=2s"})
@IsolatedBackingServices
@Import(TestModel.class)
class RedisDownIT {

    static final Downstreams downstreams = new Downstreams();
    static final StubServer llm = new StubServer();
    /** A port nothing listens on once the server is stopped: Redis "down". */
    static final StubServer redis = new StubServer();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void dependencies(DynamicPropertyRegistry registry) {
        redis.stop();
        downstreams.register(registry);
        registry.add("triage.classify.tiers.llm.base-url", () -> llm.baseUrl() + "/v1");
        registry.add("spring.data.redis.port", redis::port);
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
    void llmTierAnswersWithoutItsCache() {
        llm.onAny("/", request -> StubReply.json(Stubs.chatCompletion(Stubs.llmAnswer("Sales", "Low", "Positive", 0.9),
                200, 30)));
        String ticket = """
                {"ticketId":"T-REDIS-1","description":"wibble wobble plink plonk"}""";
        for (int i = 0; i < 2; i++) {
            JsonNode body = JsonBody.tree(ServiceHttp.onPort(port).post("/classify", ApiKeys.CLASSIFIER, ticket));
            assertThat(body.path("routingMethod").asString()).isEqualTo("LLM");
            assertThat(body.path("department").path("label").asString()).isEqualTo("Sales");
        }
        assertThat(llm.received("/v1/chat/completions")).as("no cache: both asked the LLM").hasSize(2);
    }
}
