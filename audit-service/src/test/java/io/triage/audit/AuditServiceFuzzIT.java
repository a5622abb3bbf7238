package io.triage.audit;

import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import io.triage.testsupport.IsolatedBackingServices;
import io.triage.testsupport.fuzz.FuzzedService;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The fuzz pass (issue 19) over audit-service's JSON endpoints: no 5xx, and it keeps answering. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@IsolatedBackingServices
class AuditServiceFuzzIT extends FuzzedService {

    @TempDir
    static Path storage;

    @DynamicPropertySource
    static void storage(DynamicPropertyRegistry registry) {
        LocalStorage.in(storage, registry);
    }

    @Override
    public Map<String, String> examples() {
        UUID event = UUID.fromString("3f2504e0-4f89-11d3-9a0c-0305e82c3301");
        return Map.of(
                "POST /audit/events", Decisions.event(event, "T-1"),
                "POST /audit/feedback", """
                        {"feedbackId": "6f1c1a52-8f0e-4c53-9d3e-0d1b0e4f1a11", "decisionEventId": "%s",
                         "correctDepartment": "billing", "correctUrgency": "high", "correctSentiment": "negative",
                         "source": "agent"}""".formatted(event),
                "POST /audit/anonymise", """
                        {"requestId": "7a3c1a52-8f0e-4c53-9d3e-0d1b0e4f1a22", "ticketIds": ["T-1", "T-2"]}""");
    }
}
