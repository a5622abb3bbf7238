package io.triage.classify.lifecycle.ingestion;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.triage.testsupport.stub.StubReply;
import io.triage.testsupport.stub.StubRequest;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * ingestion-service's {@code GET /tickets/validated} as a stub: pages built from test-support's fixture
 * {@code contracts/ingestion/validated-tickets-page.json}, which ingestion-service's own
 * {@code ValidatedTicketsContractIT} checks against its real answer. A field renamed there fails here, by name.
 */
public final class IngestionStub {

    static final String FIXTURE = "/contracts/ingestion/validated-tickets-page.json";
    static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * A validated ticket to serve.
     *
     * @param id          ticket id
     * @param text        sanitised text
     * @param department  label or null
     * @param urgency     label or null
     * @param sentiment   label or null
     * @param validatedAt validation time
     * @param customerId  the ticket's customer, or null
     */
    public record Validated(String id, String text, @Nullable String department, @Nullable String urgency,
            @Nullable String sentiment, Instant validatedAt, @Nullable String customerId) {

        public Validated(String id, String text, @Nullable String department, @Nullable String urgency,
                @Nullable String sentiment, Instant validatedAt) {
            this(id, text, department, urgency, sentiment, validatedAt, null);
        }
    }

    private final ObjectNode page;
    private final ObjectNode item;

    public IngestionStub() {
        try (InputStream in = IngestionStub.class.getResourceAsStream(FIXTURE)) {
            assertThat(in).as(FIXTURE + " on the test classpath (test-support)").isNotNull();
            page = (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(page.propertyNames()).as("page fields of " + FIXTURE).containsExactlyInAnyOrder("items", "next");
        item = (ObjectNode) page.get("items").get(0);
        assertThat(item.propertyNames()).as("item fields of " + FIXTURE)
                .containsExactlyInAnyOrder("id", "customerId", "text", "department", "urgency", "sentiment",
                        "validatedAt");
    }

    /** One page in the fixture's shape. */
    String page(List<Validated> items, @Nullable String next) {
        ObjectNode answer = page.deepCopy();
        ArrayNode array = answer.putArray("items");
        for (Validated v : items) {
            ObjectNode node = item.deepCopy();
            node.put("id", v.id());
            node.put("customerId", v.customerId());
            node.put("text", v.text());
            node.put("department", v.department());
            node.put("urgency", v.urgency());
            node.put("sentiment", v.sentiment());
            node.put("validatedAt", v.validatedAt().toString());
            array.add(node);
        }
        answer.put("next", next);
        return JSON.writeValueAsString(answer);
    }

    /**
     * Answers {@code GET /tickets/validated} by paging through {@code all} as ingestion-service does: {@code limit}
     * items per page, {@code next} null once a page comes back short.
     */
    public StubReply serve(StubRequest request, List<Validated> all) {
        if (!request.method().equals("GET") || !request.path().equals("/tickets/validated")) {
            return StubReply.json(404, "{}");
        }
        Map<String, String> query = query(request);
        int limit = Integer.parseInt(query.getOrDefault("limit", "100"));
        int from = query.containsKey("after") ? Integer.parseInt(query.get("after").substring("offset-".length())) : 0;
        int to = Math.min(all.size(), from + limit);
        List<Validated> slice = all.subList(from, to);
        return StubReply.json(page(slice, slice.size() < limit ? null : "offset-" + to));
    }

    static Map<String, String> query(StubRequest request) {
        Map<String, String> params = new HashMap<>();
        if (request.rawQuery() != null) {
            for (String pair : request.rawQuery().split("&")) {
                String[] kv = pair.split("=", 2);
                params.put(kv[0], kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
        }
        return params;
    }
}
