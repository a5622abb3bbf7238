package io.triage.gdpr;

import static io.triage.testsupport.JsonBody.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import io.triage.testsupport.ApiKeys;
import io.triage.testsupport.IsolatedBackingServices;
import io.triage.testsupport.PlatformContract;
import io.triage.testsupport.ServiceHttp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.http.serviceclient.ingestion.base-url=http://127.0.0.1:9")
@IsolatedBackingServices
class GdprServiceIT implements PlatformContract {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Override
    public ServiceHttp http() {
        return ServiceHttp.onPort(port);
    }

    @Override
    public String jsonEndpoint() {
        return "/gdpr/delete-customer-data";
    }

    @Test
    void requestIsAcceptedAndRecordedWithItsEvent() {
        HttpResponse<String> response = http().post("/gdpr/delete-customer-data", ApiKeys.COMPLIANCE,
                "{\"customerId\":\"CUST-1\",\"reason\":\"Art. 17 request\"}");
        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(json(response)).extractingPath("$.status").isEqualTo("PENDING");
        assertThat(json(response)).extractingPath("$.requestedBy").isEqualTo("local-compliance");
        long events = jdbc.sql("SELECT count(*) FROM event_publication WHERE event_type LIKE '%CustomerErasureRequested'")
                .query(Long.class).single();
        assertThat(events).as("one publication per store").isEqualTo(2);
    }

    @Test
    void missingCustomerIdIs400NamingTheFieldAndRecordsNothing() {
        long before = jdbc.sql("SELECT count(*) FROM deletion_requests").query(Long.class).single();
        HttpResponse<String> response = http().post("/gdpr/delete-customer-data", ApiKeys.COMPLIANCE,
                "{\"reason\":\"no id\"}");
        PlatformContract.assertProblem(response, 400);
        PlatformContract.assertNamesField(response, "customerId");
        assertThat(jdbc.sql("SELECT count(*) FROM deletion_requests").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void classifierMayNotRequestErasure() {
        PlatformContract.assertProblem(http().post("/gdpr/delete-customer-data", ApiKeys.CLASSIFIER,
                "{\"customerId\":\"CUST-2\"}"), 403);
    }

    @Test
    void unknownRequestIs404AndMalformedIdIs400() {
        PlatformContract.assertProblem(
                http().get("/gdpr/requests/00000000-0000-0000-0000-000000000000", ApiKeys.COMPLIANCE), 404);
        HttpResponse<String> malformed = http().get("/gdpr/requests/not-a-uuid", ApiKeys.COMPLIANCE);
        PlatformContract.assertProblem(malformed, 400);
        PlatformContract.assertNamesField(malformed, "id");
    }
}
