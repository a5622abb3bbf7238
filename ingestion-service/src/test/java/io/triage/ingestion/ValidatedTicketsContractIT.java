package io.triage.ingestion;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;

import io.triage.testsupport.ApiKeys;
import io.triage.testsupport.IsolatedBackingServices;
import io.triage.testsupport.ServiceHttp;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code GET /tickets/validated} answers exactly the JSON of test-support's fixture
 * {@code contracts/ingestion/validated-tickets-page.json}, which classify-service's retraining tests serve from
 * their stub: if this answer changes, this test fails until the fixture (and with it the consumer's test) follows.
 */
// Where tickets flow next is TicketFlowIT's subject; here nothing listens for them.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"triage.ingestion.flow.classify=false", "triage.ingestion.flow.index=false"})
@IsolatedBackingServices
class ValidatedTicketsContractIT {

    static final String FIXTURE = "/contracts/ingestion/validated-tickets-page.json";
    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Test
    void validatedTicketsPageMatchesTheSharedFixture() throws IOException {
        ServiceHttp http = ServiceHttp.onPort(port);
        HttpResponse<String> imported = http.post("/tickets", ApiKeys.OPS, """
                {"source":"ZENDESK","externalId":"Z-CONTRACT","customerId":"C-contract","channel":"email",
                 "subject":"Refund for john.doe@example.com",
                 "description":"Call me on +44 20 7946 0958 about my refund","sourceUpdatedAt":"2026-11-20T09:00:00Z"}
                """);
        String ticketId = JSON.readTree(imported.body()).get("ticketId").asString();
        HttpResponse<String> labelled = http.put("/tickets/" + ticketId + "/labels", ApiKeys.CLASSIFY_SERVICE,
                "application/json", """
                {"department":"Billing","urgency":"High","sentiment":"Negative","source":"agent-feedback",
                 "validatedAt":"2026-11-20T09:30:00Z"}""");
        assertThat(labelled.statusCode()).as(labelled.body()).isEqualTo(200);

        HttpResponse<String> page = http.get("/tickets/validated?since=2026-11-01T00:00:00Z", ApiKeys.CLASSIFY_SERVICE);
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);

        JsonNode expected = fixture();
        JsonNode actual = JSON.readTree(page.body());
        assertThat(actual.get("items").get(0).get("id").asString()).isEqualTo(ticketId);
        // The id is the one value the service chooses itself.
        ((ObjectNode) actual.get("items").get(0)).put("id", expected.get("items").get(0).get("id").asString());
        assertThat(actual).as("GET /tickets/validated no longer matches " + FIXTURE
                + "; update the fixture and classify-service's retraining from it").isEqualTo(expected);
    }

    static JsonNode fixture() throws IOException {
        try (InputStream in = ValidatedTicketsContractIT.class.getResourceAsStream(FIXTURE)) {
            assertThat(in).as(FIXTURE + " on the test classpath (test-support)").isNotNull();
            return JSON.readTree(in);
        }
    }
}
