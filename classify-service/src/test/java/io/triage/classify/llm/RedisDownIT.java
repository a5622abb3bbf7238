package io.triage.classify.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.triage.classify.testing.Json;
import io.triage.classify.testing.LoopbackServer.Reply;
import io.triage.classify.testing.LoopbackServer;
import io.triage.classify.testing.Stubs;
import io.triage.classify.testing.TestModel;
import io.triage.testsupport.ApiKeys;
import io.triage.testsupport.IsolatedBackingServices;
import io.triage.testsupport.ServiceHttp;
import org.junit.jupiter.api.AfterAll;
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

    static final LoopbackServer rules = new LoopbackServer();
    static final LoopbackServer embedding = new LoopbackServer();
    static final LoopbackServer audit = new LoopbackServer();
    static final LoopbackServer llm = new LoopbackServer();
    /** A port nothing listens on once the server is stopped: Redis "down". */
    static final LoopbackServer redis = new LoopbackServer();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void dependencies(DynamicPropertyRegistry registry) {
        redis.stop();
        registry.add("spring.http.serviceclient.rules.base-url", rules::baseUrl);
        registry.add("spring.http.serviceclient.embedding.base-url", embedding::baseUrl);
        registry.add("spring.http.serviceclient.audit.base-url", audit::baseUrl);
        registry.add("triage.classify.tiers.llm.base-url", () -> llm.baseUrl() + "/v1");
        registry.add("spring.data.redis.port", () -> redis.baseUrl().substring(redis.baseUrl().lastIndexOf(':') + 1));
    }

    @AfterAll
    static void stopServers() {
        List.of(rules, embedding, audit, llm).forEach(LoopbackServer::close);
    }

    @Test
    void llmTierAnswersWithoutItsCache() {
        rules.respond(request -> Reply.ok(Stubs.noRule()));
        embedding.respond(request -> Reply.ok(Stubs.neighbours(List.of())));
        audit.respond(request -> new Reply(201, request.body()));
        llm.respond(request -> Reply.ok(Stubs.chatCompletion(Stubs.llmAnswer("Sales", "Low", "Positive", 0.9),
                200, 30)));
        String ticket = """
                {"ticketId":"T-REDIS-1","description":"wibble wobble plink plonk"}""";
        for (int i = 0; i < 2; i++) {
            JsonNode body = Json.parse(ServiceHttp.onPort(port).post("/classify", ApiKeys.CLASSIFIER, ticket));
            assertThat(body.path("routingMethod").asString()).isEqualTo("LLM");
            assertThat(body.path("department").path("label").asString()).isEqualTo("Sales");
        }
        assertThat(llm.received("/v1/chat/completions")).as("no cache: both asked the LLM").hasSize(2);
    }
}
