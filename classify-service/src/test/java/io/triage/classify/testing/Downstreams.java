package io.triage.classify.testing;

import java.util.ArrayList;
import java.util.List;

import io.triage.testsupport.JsonBody;
import io.triage.testsupport.stub.StubReply;
import io.triage.testsupport.stub.StubServer;
import org.springframework.test.context.DynamicPropertyRegistry;
import tools.jackson.databind.JsonNode;

/**
 * The services a classification calls, as loopback {@link StubServer}s in their wire formats: rules-engine,
 * embedding-service and audit-service. An IT holds one in a static field, registers it in its
 * {@code @DynamicPropertySource}, makes it {@link #quiet()} before each test and closes it after all of them.
 * Stand-ins only some ITs need (the LLM, ingestion-service, MLflow) stay in those ITs.
 *
 * <p>A test that needs another answer installs it on the server ({@code downstreams.rules().onAny("/", ...)}):
 * of routes with the same prefix, the one added last wins, until the next {@link #quiet()}.
 */
public final class Downstreams implements AutoCloseable {

    private final StubServer rules = new StubServer();
    private final PublishedRules publishedRules = new PublishedRules();
    private final StubServer embedding = new StubServer();
    private final StubServer audit = new StubServer();

    /** rules-engine ({@code /rules/evaluate}, {@code /rules/feedback}, {@code GET /rules}). */
    public StubServer rules() {
        return rules;
    }

    /**
     * The rule set rules-engine's {@code GET /rules} publishes (for the rules tier's local evaluation): version 7
     * without rules after {@link #quiet()}. The route is method-specific, so a test's {@code rules().onAny("/", ...)}
     * for {@code POST /rules/evaluate} leaves it in place.
     */
    public PublishedRules publishedRules() {
        return publishedRules;
    }

    /** embedding-service ({@code /search}, {@code /embeddings/{ticketId}/labels}). */
    public StubServer embedding() {
        return embedding;
    }

    /** audit-service ({@code /audit/events}). */
    public StubServer audit() {
        return audit;
    }

    /** Every decision event audit-service received, in order, whether it came alone or in a batch (an array). */
    public List<JsonNode> auditEvents() {
        List<JsonNode> events = new ArrayList<>();
        audit.received("/audit/events").forEach(request -> {
            JsonNode body = JsonBody.tree(request.bodyText());
            if (body.isArray()) {
                body.forEach(events::add);
            } else {
                events.add(body);
            }
        });
        return events;
    }

    /** Points the service's HTTP clients for rules-engine, embedding-service and audit-service at the stubs. */
    public void register(DynamicPropertyRegistry registry) {
        registry.add("spring.http.serviceclient.rules.base-url", rules::baseUrl);
        registry.add("spring.http.serviceclient.embedding.base-url", embedding::baseUrl);
        registry.add("spring.http.serviceclient.audit.base-url", audit::baseUrl);
    }

    /**
     * Each server listening again, without delay, injected failure or remembered request, and giving the answers
     * that decide nothing: no rule fires (remote evaluation) and the published rule set has no rules (local), no neighbour is found, every audit event is accepted (alone: 201, echoed;
     * a batch: 200 with audit-service's receipt counts).
     */
    public void quiet() {
        for (StubServer server : servers()) {
            server.start();
            server.reset();
        }
        rules.onAny("/", request -> StubReply.json(Stubs.noRule()));
        publishedRules.reset();
        rules.on("GET", "/rules", publishedRules::answer);
        embedding.onAny("/", request -> StubReply.json(Stubs.neighbours(List.of())));
        audit.onAny("/", request -> {
            JsonNode body = JsonBody.tree(request.bodyText());
            return body.isArray()
                    ? StubReply.json(200, "{\"appended\":" + body.size() + ",\"duplicates\":0,\"events\":[]}")
                    : StubReply.json(201, request.bodyText());
        });
    }

    @Override
    public void close() {
        servers().forEach(StubServer::close);
    }

    private List<StubServer> servers() {
        return List.of(rules, embedding, audit);
    }
}
