package io.triage.classify.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.triage.classify.lifecycle.ModelStore;
import io.triage.classify.lifecycle.Stage;
import io.triage.classify.lifecycle.TrainingRun;
import io.triage.classify.lifecycle.serving.ModelServing;
import io.triage.classify.model.ArtifactCodec;
import io.triage.classify.model.ModelBundle;
import io.triage.classify.model.SentenceEncoder;
import io.triage.classify.model.SentenceEncoders;
import io.triage.classify.testing.Downstreams;
import io.triage.classify.testing.Stubs;
import io.triage.classify.tier.ClassificationResult;
import io.triage.classify.training.LabelledText;
import io.triage.classify.training.ModelTrainer;
import io.triage.classify.training.TrainingParams;
import io.triage.classify.training.TrainingSet;
import io.triage.testsupport.ApiKeys;
import io.triage.testsupport.IsolatedBackingServices;
import io.triage.testsupport.JsonBody;
import io.triage.testsupport.ServiceHttp;
import io.triage.testsupport.stub.StubReply;
import io.triage.tickets.TicketGenerator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 17 goal 4, one sentence encoding per ticket: with a production model trained with the MiniLM encoder, the
 * cache tier asks embedding-service's search for the query's vector and the ML tier reads it instead of encoding
 * the ticket again. The stand-in embedding-service encodes the text it is sent with the same encoder, as the real
 * one does. The LLM tier has no key here, so it is skipped.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "triage.classify.models.poll-interval=1h",
        "triage.classify.tiers.cache.timeout=5s",
        "triage.platform.resilience.minimum-calls=1000"})
@IsolatedBackingServices
class OneEncodingPerTicketIT {

    static final String MINILM = "all-minilm-l6-v2-q";
    static final String EMBEDDING_MODEL = "all-minilm-l6-v2-q-384";
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Downstreams downstreams = new Downstreams();
    static ModelBundle miniLmModel;
    static SentenceEncoder encoder;

    @LocalServerPort
    int port;

    @Autowired
    ModelStore store;

    @Autowired
    ModelServing serving;

    @Autowired
    MeterRegistry meters;

    @DynamicPropertySource
    static void dependencies(DynamicPropertyRegistry registry) {
        downstreams.register(registry);
    }

    @BeforeAll
    static void trainSmallMiniLmModel() {
        TrainingParams defaults = TrainingParams.defaults();
        TrainingParams params = new TrainingParams(defaults.c(), 200, defaults.features(), defaults.targetPrecision(),
                defaults.seed(), 5, MINILM, defaults.maxNeighbours(), defaults.noveltyShare());
        List<LabelledText> examples = new TicketGenerator(5).generate(240).stream()
                .map(t -> new LabelledText(t.subject() + "\n" + t.description(), Map.of("department", t.department(),
                        "urgency", t.urgency(), "sentiment", t.sentiment())))
                .toList();
        miniLmModel = ModelTrainer.train(new TrainingSet(examples, List.of("department", "urgency", "sentiment")),
                params).bundle();
        encoder = SentenceEncoders.named(MINILM).orElseThrow();
    }

    @AfterAll
    static void stopServers() {
        downstreams.close();
    }

    @BeforeEach
    void miniLmModelInProductionAndQuietDependencies() {
        downstreams.quiet();
        if (serving.reusableEncoding().isEmpty()) {
            byte[] artifact = ArtifactCodec.encode(miniLmModel);
            long version = store.register(new TrainingRun(Instant.parse("2026-12-04T10:00:00Z"), 1, "test",
                    Map.of(), Map.of(), "f".repeat(64), "{\"macroF1\":0.9,\"trigger\":\"test\",\"heads\":[]}"),
                    artifact, ArtifactCodec.sha256(artifact), 0.9, null, Stage.STAGING, "test");
            store.promoteToProduction(version);
            serving.refresh();
        }
        assertThat(serving.reusableEncoding()).contains(EMBEDDING_MODEL);
        // The stand-in encodes the text it is asked about, as embedding-service does (same model, same vectors).
        downstreams.embedding().onAny("/search", request -> {
            JsonNode query = JsonBody.tree(request.bodyText());
            return StubReply.json(Stubs.neighboursWithVector(List.of(), EMBEDDING_MODEL,
                    encoder.encode(query.path("text").asString())));
        });
    }

    double encodings(String source) {
        var counter = meters.find("classify.sentence.encodings").tag("source", source).counter();
        return counter == null ? 0 : counter.count();
    }

    ClassificationResult classify(String id) {
        TicketInput ticket = new TicketInput(id, "Charged twice", "I was charged twice for the same invoice this month",
                "email", "CUST-42", "servicenow");
        var response = ServiceHttp.onPort(port).post("/classify", ApiKeys.CLASSIFIER, JSON.writeValueAsString(ticket));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readValue(response.body(), ClassificationResult.class);
    }

    @Test
    void theSearchVectorIsReadAndTheModelDoesNotEncodeAgain() {
        double reused = encodings("reused");
        double encoded = encodings("encoded");

        ClassificationResult result = classify("T-ONCE-1");

        var searches = downstreams.embedding().received("/search");
        assertThat(searches).hasSize(1);
        JsonNode query = JsonBody.tree(searches.getFirst().bodyText());
        assertThat(query.path("includeVector").asBoolean()).isTrue();
        assertThat(result.modelVersion()).isNotNull();
        assertThat(encodings("reused")).isEqualTo(reused + 1);
        assertThat(encodings("encoded")).isEqualTo(encoded);
        // The answer is the one the model gives when it encodes the same text itself.
        String text = query.path("text").asString();
        assertThat(result.department()).isNotNull();
        assertThat(result.department().label()).isEqualTo(
                miniLmModel.predict(text, "x").get("department").label());
    }

    @Test
    void aVectorOfAnotherModelIsNotReadAndTheModelEncodes() {
        downstreams.embedding().onAny("/search", request -> StubReply.json(
                Stubs.neighboursWithVector(List.of(), "some-other-model-384", new float[384])));
        double reused = encodings("reused");
        double encoded = encodings("encoded");

        classify("T-ONCE-2");

        assertThat(encodings("reused")).isEqualTo(reused);
        assertThat(encodings("encoded")).isEqualTo(encoded + 1);
    }

    @Test
    void withEmbeddingServiceDownTheModelEncodesAsBefore() {
        downstreams.embedding().stop();
        double reused = encodings("reused");
        double encoded = encodings("encoded");

        ClassificationResult result = classify("T-ONCE-3");

        assertThat(result.skippedTiers()).anySatisfy(skipped -> assertThat(skipped.reason())
                .contains("embedding-service"));
        assertThat(encodings("reused")).isEqualTo(reused);
        assertThat(encodings("encoded")).isEqualTo(encoded + 1);
        assertThat(result.modelVersion()).isNotNull();
    }
}
