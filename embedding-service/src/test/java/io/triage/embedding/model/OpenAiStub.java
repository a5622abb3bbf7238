package io.triage.embedding.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
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

    record Recorded(JsonNode body, @Nullable String authorization) {
    }

    record Failure(int status, @Nullable String retryAfter) {
    }

    private final HttpServer server;
    private final int dimension;
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();
    private final Queue<Failure> failures = new ConcurrentLinkedQueue<>();

    OpenAiStub(int dimension) {
        this.dimension = dimension;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/v1/embeddings", this::handle);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    void failNext(int status, @Nullable String retryAfter) {
        failures.add(new Failure(status, retryAfter));
    }

    List<Recorded> requests() {
        return requests;
    }

    private void handle(HttpExchange exchange) throws IOException {
        JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
        requests.add(new Recorded(body, exchange.getRequestHeaders().getFirst("Authorization")));
        Failure failure = failures.poll();
        if (failure != null) {
            String retryAfter = failure.retryAfter();
            if (retryAfter != null) {
                exchange.getResponseHeaders().add("retry-after", retryAfter);
            }
            respond(exchange, failure.status(), """
                    {"error":{"message":"stubbed failure","type":"rate_limit_error","param":null,"code":null}}""");
            return;
        }
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
        respond(exchange, 200, JSON.writeValueAsString(response));
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
