package io.triage.rules.api;

import static io.triage.testsupport.JsonBody.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.triage.rules.config.ExpensiveRequests;
import io.triage.testsupport.ApiKeys;
import io.triage.testsupport.IsolatedBackingServices;
import io.triage.testsupport.ServiceHttp;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;

/** Neither a rule nor a flood of maximal bodies can take rules-engine down; the active set stays as it was. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@IsolatedBackingServices
class HostileRequestsIT {

    @LocalServerPort
    int port;

    @Autowired
    FilterRegistrationBean<ExpensiveRequests> admission;

    ServiceHttp http;

    @BeforeEach
    void setUp() {
        http = ServiceHttp.onPort(port);
    }

    @Test
    void exponentialPatternsAreRefusedWith400NamingTheRuleAndTheServiceKeepsAnswering() {
        for (String pattern : List.of("(a|b)*a(a|b){20}", "a.{20}")) {
            String yaml = "rules:\\n  - {id: BOMB, pattern: '" + pattern
                    + "', regex: true, department: D, urgency: Low}";

            HttpResponse<String> validate = http.post("/rules/validate", ApiKeys.ANALYST,
                    "{\"yaml\": \"" + yaml + "\"}");
            HttpResponse<String> publish = http.post("/rules/publish", ApiKeys.ANALYST,
                    "{\"reason\": \"try\", \"yaml\": \"" + yaml + "\"}");

            for (HttpResponse<String> response : List.of(validate, publish)) {
                assertThat(response.statusCode()).as(pattern + " " + response.body()).isEqualTo(400);
                assertThat(json(response)).extractingPath("$.ruleId").isEqualTo("BOMB");
                assertThat(response.body()).contains("too complex").contains("pattern");
            }
            assertAnswersAndUnchanged();
        }
    }

    @Test
    void concurrentMaximalBatchesAnswerOnly2xx4xxOr503AndAFullBulkheadAnswers503() throws Exception {
        StringBuilder body = new StringBuilder("{\"tickets\": [");
        String description = "my parcel never arrived ".repeat(45);
        for (int i = 0; i < 10_000; i++) {
            body.append(i == 0 ? "" : ",").append("{\"ticketId\": \"t").append(i).append("\", \"description\": \"")
                    .append(description).append("\"}");
        }
        String maximal = body.append("]}").toString();
        String oversized = "{\"tickets\": [{\"description\": \"" + "x".repeat(13 * 1024 * 1024) + "\"}]}";
        List<Future<HttpResponse<String>>> calls = new ArrayList<>();
        try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 8; i++) {
                calls.add(callers.submit(() -> http.post("/rules/evaluate/batch", ApiKeys.CLASSIFY_SERVICE, maximal)));
            }
            calls.add(callers.submit(() -> http.post("/rules/evaluate/batch", ApiKeys.CLASSIFY_SERVICE, oversized)));
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<HttpResponse<String>> call : calls) {
            HttpResponse<String> response = call.get();
            statuses.add(response.statusCode());
            if (response.statusCode() == 503) {
                assertThat(response.headers().firstValue("Retry-After")).isPresent();
            }
        }

        assertThat(statuses).allMatch(s -> s < 500 || s == 503);
        assertThat(statuses.getLast()).isEqualTo(413);
        assertAnswersAndUnchanged();

        Bulkhead batches = admission.getFilter().batches();
        int slots = batches.getBulkheadConfig().getMaxConcurrentCalls();
        for (int i = 0; i < slots; i++) {
            assertThat(batches.tryAcquirePermission()).isTrue();
        }
        HttpResponse<String> full;
        try {
            full = http.post("/rules/evaluate/batch", ApiKeys.CLASSIFY_SERVICE, maximal);
        } finally {
            for (int i = 0; i < slots; i++) {
                batches.onComplete();
            }
        }
        assertThat(full.statusCode()).isEqualTo(503);
        assertThat(full.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(http.post("/rules/evaluate/batch", ApiKeys.CLASSIFY_SERVICE, maximal).statusCode()).isEqualTo(200);
        assertThat(http.get("/actuator/prometheus", ApiKeys.OPS).body())
                .contains("rules_admission_rejected_total{endpoint=\"evaluate-batch\"");
    }

    private void assertAnswersAndUnchanged() {
        HttpResponse<String> next = http.post("/rules/evaluate", ApiKeys.CLASSIFY_SERVICE, """
                {"ticketId": "T1", "description": "my parcel never arrived"}""");
        assertThat(next.statusCode()).isEqualTo(200);
        assertThat(json(http.get("/rules", ApiKeys.ANALYST))).extractingPath("$.activation.version").isEqualTo(1);
    }
}
