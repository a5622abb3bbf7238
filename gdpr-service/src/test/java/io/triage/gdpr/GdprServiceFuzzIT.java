package io.triage.gdpr;

import java.util.Map;

import io.triage.testsupport.IsolatedBackingServices;
import io.triage.testsupport.fuzz.FuzzedService;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The fuzz pass (issue 19) over gdpr-service's JSON endpoints: no 5xx, and it keeps answering. The stores are
 * unreachable, as in {@link GdprServiceIT}: requests are accepted and stay open, which is what the API answers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.http.serviceclient.ingestion.base-url=http://127.0.0.1:9",
        "spring.http.serviceclient.embedding.base-url=http://127.0.0.1:9",
        "spring.http.serviceclient.classify.base-url=http://127.0.0.1:9",
        "spring.http.serviceclient.audit.base-url=http://127.0.0.1:9"})
@IsolatedBackingServices
class GdprServiceFuzzIT extends FuzzedService {

    @Override
    public Map<String, String> examples() {
        return Map.of(
                "POST /gdpr/delete-customer-data", "{\"customerId\": \"CUST-1\", \"reason\": \"Art. 17 request\"}",
                "POST /gdpr/export-customer-data", "{\"customerId\": \"CUST-1\"}");
    }
}
