package io.triage.embedding.model;

import java.util.ArrayList;
import java.util.List;

import io.triage.testsupport.stub.StubFailure;
import io.triage.testsupport.stub.StubReply;
import io.triage.testsupport.stub.StubRequest;
import io.triage.testsupport.stub.StubServer;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A local OpenAI-compatible {@code POST /v1/embeddings} server speaking the real wire format. Each input's vector is
 * {@code [length, 1, 0, ...]}; answers are listed in reverse index order, as the API allows. Failures can be queued
 * (status and optional {@code retry-after}) to be served before the next successes.
 */
final class OpenAiStub implements AutoCloseable {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PATH = "/v1/embeddings";

    record Recorded(JsonNode body, @Nullable String authorization) {
    }

    private final StubServer server = new StubServer();
    private final int dimension;

    OpenAiStub(int dimension) {
        this.dimension = dimension;
        server.on("POST", PATH, this::embeddings);
    }

    String baseUrl() {
        return server.baseUrl() + "/v1";
    }

    void failNext(int status, @Nullable String retryAfter) {
        StubReply reply = StubReply.json(status, """
                {"error":{"message":"stubbed failure","type":"rate_limit_error","param":null,"code":null}}""");
        server.failNext(StubFailure.reply(retryAfter == null ? reply : reply.withHeader("retry-after", retryAfter)));
    }

    List<Recorded> requests() {
        return server.received(PATH).stream()
                .map(request -> new Recorded(JSON.readTree(request.body()), request.header("Authorization")))
                .toList();
    }

    private StubReply embeddings(StubRequest request) {
        JsonNode body = JSON.readTree(request.body());
        ObjectNode response = JSON.createObjectNode().put("object", "list");
        ArrayNode data = response.putArray("data");
        List<JsonNode> inputs = new ArrayList<>();
        body.get("input").forEach(inputs::add);
        long tokens = 0;
        for (int i = inputs.size() - 1; i >= 0; i--) {
            String text = inputs.get(i).asString();
            tokens += text.length() / 4 + 1;
            ObjectNode item = data.addObject().put("object", "embedding").put("index", i);
            ArrayNode vector = item.putArray("embedding");
            vector.add((float) text.length()).add(1f);
            for (int d = 2; d < dimension; d++) {
                vector.add(0f);
            }
        }
        response.put("model", body.get("model").asString());
        response.putObject("usage").put("prompt_tokens", tokens).put("total_tokens", tokens);
        return StubReply.json(JSON.writeValueAsString(response));
    }

    @Override
    public void close() {
        server.close();
    }
}
