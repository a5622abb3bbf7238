package io.triage.embedding.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.triage.testsupport.IsolatedBackingServices;
import io.triage.testsupport.fuzz.FuzzedService;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The fuzz pass (issue 19) over embedding-service's JSON endpoints: no 5xx, and it keeps answering. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@IsolatedBackingServices
class EmbeddingServiceFuzzIT extends FuzzedService {

    static final Path WORK = temporaryDirectory();
    static final IngestionFeedStub FEED = new IngestionFeedStub();

    @DynamicPropertySource
    static void directories(DynamicPropertyRegistry registry) {
        registry.add("triage.embedding.lucene.path", () -> WORK.resolve("index").toString());
        registry.add("triage.embedding.backfill.directory", () -> WORK.resolve("backfill").toString());
        registry.add("spring.http.serviceclient.ingestion.base-url", FEED::baseUrl);
    }

    @Override
    public Map<String, List<String>> pathValues() {
        return Map.of("ticketId", List.of("E-1"));
    }

    @Override
    public Map<String, String> examples() {
        return Map.of(
                "POST /embeddings", """
                        {"tickets": [{"ticketId": "E-1", "customerId": "C-1", "text": "My card payment was declined",
                          "createdAt": "2026-11-01T10:00:00Z", "department": "billing", "urgency": "high",
                          "sentiment": "negative"}]}""",
                "PATCH /embeddings/{ticketId}/labels", """
                        {"department": "technical", "urgency": "low", "sentiment": "neutral"}""",
                "POST /search", """
                        {"text": "card declined", "k": 3, "filters": {"customerId": "C-1"}, "includeVector": false}""",
                "POST /backfill", "{\"file\": \"tickets.jsonl\"}");
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("embedding-fuzz");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
