package io.triage.audit;

import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import io.triage.testsupport.IsolatedBackingServices;
import io.triage.testsupport.fuzz.FuzzContract;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** The fuzz pass (issue 19) over audit-service's JSON endpoints: no 5xx, and it keeps answering. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@IsolatedBackingServices
class AuditServiceFuzzIT implements FuzzContract {

    @TempDir
    static Path storage;

    @DynamicPropertySource
    static void storage(DynamicPropertyRegistry registry) {
        LocalStorage.in(storage, registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    @Override
    public String service() {
        return "audit-service";
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public RequestMappingHandlerMapping handlerMapping() {
        return mapping;
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
