package io.triage.classify.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import io.triage.classify.testing.Downstreams;
import io.triage.classify.testing.TestModel;
import io.triage.classify.testing.TicketCsv;
import io.triage.classify.testing.TrainingJobClient;
import io.triage.testsupport.ApiKeys;
import io.triage.testsupport.IsolatedBackingServices;
import io.triage.testsupport.ServiceHttp;
import io.triage.testsupport.fuzz.FuzzedService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The fuzz pass (issue 19) over classify-service's JSON endpoints, with a production model and answering
 * dependencies (so a 5xx is the service's own, not a missing model's 503): no 5xx, and it keeps answering.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@IsolatedBackingServices
@Import(TestModel.class)
class ClassifyServiceFuzzIT extends FuzzedService {

    static final Downstreams downstreams = new Downstreams();

    @DynamicPropertySource
    static void dependencies(DynamicPropertyRegistry registry) {
        downstreams.register(registry);
    }

    @AfterAll
    static void stopServers() {
        downstreams.close();
    }

    @BeforeEach
    void answeringDependencies() {
        downstreams.quiet();
    }

    /** Version 1 in production, so {@code /models/predict} answers instead of 503 (no model yet). */
    @BeforeEach
    void productionModel() {
        ServiceHttp http = ServiceHttp.onPort(port());
        TrainingJobClient.result(new TrainingJobClient(http).train(TicketCsv.of(1, 150)));
        HttpResponse<String> promoted = http.post("/models/1/promote", ApiKeys.ANALYST, "");
        assertThat(promoted.statusCode()).as(promoted.body()).isEqualTo(200);
    }

    @Override
    public Map<String, List<String>> pathValues() {
        return Map.of("version", List.of("1"));
    }

    @Override
    public Map<String, String> examples() {
        String ticket = """
                {"ticketId": "T-1", "subject": "Card declined", "description": "My card payment was declined twice",
                 "channel": "email", "customerId": "C-1", "sourceSystem": "zendesk", "language": "en",
                 "customerSegment": "retail"}""";
        return Map.of(
                "POST /classify", ticket,
                "POST /batch-classify", "{\"tickets\": [" + ticket + ", {\"description\": \"refund please\"}]}",
                "POST /models/predict", """
                        {"subject": "Card declined", "description": "My card payment was declined twice",
                         "ticketId": "T-1", "channel": "email", "customerId": "C-1"}""",
                "POST /feedback", """
                        {"ticketId": "T-1", "department": "Billing", "urgency": "high", "sentiment": "negative",
                         "source": "agent"}""",
                "POST /models/train", """
                        {"subject": "Card declined", "description": "declined twice", "department": "Billing", \
                        "urgency": "high", "sentiment": "negative"}""",
                "POST /internal/erasures", """
                        {"requestId": "3f2504e0-4f89-11d3-9a0c-0305e82c3301", "customerId": "C-1",
                         "ticketIds": ["T-1", "T-2"]}""",
                "POST /internal/exports", "{\"customerId\": \"C-1\", \"ticketIds\": [\"T-1\"]}",
                "PUT /models/{version}/canary", "{\"share\": 0.2}");
    }
}
