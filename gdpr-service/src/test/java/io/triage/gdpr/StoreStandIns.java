package io.triage.gdpr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import io.triage.testsupport.ApiKeys;
import io.triage.testsupport.ServiceHttp;
import io.triage.testsupport.stub.StubReply;
import io.triage.testsupport.stub.StubServer;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The four stores an erasure reaches, each a stub server the test teaches its contract, and the erasure API calls
 * the saga tests share. ingestion's ticket-id release is answered by default.
 */
final class StoreStandIns {

    final StubServer ingestion = new StubServer();
    final StubServer embedding = new StubServer();
    final StubServer classify = new StubServer();
    final StubServer audit = new StubServer();

    StoreStandIns() {
        ingestion.on("DELETE", "/internal/erasures", request -> StubReply.status(204));
    }

    /** Points gdpr-service's clients at the stand-ins. */
    void register(DynamicPropertyRegistry registry) {
        registry.add("spring.http.serviceclient.ingestion.base-url", ingestion::baseUrl);
        registry.add("spring.http.serviceclient.embedding.base-url", embedding::baseUrl);
        registry.add("spring.http.serviceclient.classify.base-url", classify::baseUrl);
        registry.add("spring.http.serviceclient.audit.base-url", audit::baseUrl);
    }

    void heal() {
        all().forEach(StubServer::heal);
    }

    void close() {
        all().forEach(StubServer::close);
    }

    private List<StubServer> all() {
        return List.of(ingestion, embedding, classify, audit);
    }

    /** {@code POST /gdpr/delete-customer-data}: the accepted request's id. */
    static String requestErasure(int port, String customerId) {
        HttpResponse<String> response = ServiceHttp.onPort(port).post("/gdpr/delete-customer-data",
                ApiKeys.COMPLIANCE, "{\"customerId\":\"" + customerId + "\",\"reason\":\"Art. 17\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return JsonPath.read(response.body(), "$.id");
    }

    /** {@code GET /gdpr/requests/{id}}'s body. */
    static String status(int port, String id) {
        HttpResponse<String> response = ServiceHttp.onPort(port).get("/gdpr/requests/" + id, ApiKeys.COMPLIANCE);
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    /** The request's status once it is COMPLETED. */
    static String awaitCompleted(int port, String id) {
        return await().atMost(Duration.ofMinutes(1)).until(() -> status(port, id),
                body -> "COMPLETED".equals(JsonPath.read(body, "$.status")));
    }
}
