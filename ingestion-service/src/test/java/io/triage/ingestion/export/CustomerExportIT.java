package io.triage.ingestion.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import io.triage.testsupport.ApiKeys;
import io.triage.testsupport.IsolatedBackingServices;
import io.triage.testsupport.PlatformContract;
import io.triage.testsupport.ServiceHttp;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** {@code POST /internal/exports} as gdpr-service's right-of-access export needs it, over real HTTP and Postgres. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"triage.ingestion.flow.classify=false", "triage.ingestion.flow.index=false"})
@IsolatedBackingServices
class CustomerExportIT {

    @LocalServerPort
    int port;

    ServiceHttp http() {
        return ServiceHttp.onPort(port);
    }

    String store(String externalId, String customer, String description) {
        HttpResponse<String> stored = http().post("/tickets", ApiKeys.OPS, """
                {"source":"ZENDESK","externalId":"%s","customerId":"%s","subject":"Card declined",
                 "description":"%s","sourceUpdatedAt":"2026-11-01T10:00:00Z","channel":"email"}"""
                .formatted(externalId, customer, description));
        assertThat(stored.statusCode()).as(stored.body()).isEqualTo(200);
        return JsonPath.read(stored.body(), "$.ticketId");
    }

    HttpResponse<String> export(String apiKey, String body) {
        return http().post("/internal/exports", apiKey, body);
    }

    @Test
    void theCustomersTicketsComeRawSanitisedAndWithTheirLabels() {
        String labelled = store("X-1", "C-export", "Please call me on +44 20 7946 0958 about my card");
        String plain = store("X-2", "C-export", "Second complaint, still declined");
        String other = store("X-3", "C-export-other", "Not theirs");
        HttpResponse<String> label = http().put("/tickets/" + labelled + "/labels", ApiKeys.ANALYST,
                "application/json", "{\"department\":\"Billing\",\"source\":\"analyst\",\"validatedBy\":\"agent-7\"}");
        assertThat(label.statusCode()).as(label.body()).isEqualTo(200);

        HttpResponse<String> response = export(ApiKeys.GDPR_SERVICE, "{\"customerId\":\"C-export\"}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        String body = response.body();
        assertThat((List<String>) JsonPath.read(body, "$.tickets[*].id")).containsExactlyInAnyOrder(labelled, plain)
                .doesNotContain(other);
        String first = "$.tickets[?(@.id=='" + labelled + "')]";
        assertThat((List<String>) JsonPath.read(body, first + ".description"))
                .containsExactly("Please call me on +44 20 7946 0958 about my card");
        assertThat((List<String>) JsonPath.read(body, first + ".sanitised.text")).singleElement()
                .satisfies(text -> assertThat(text).doesNotContain("7946 0958"));
        assertThat((List<String>) JsonPath.read(body, first + ".labels.department")).containsExactly("Billing");
        assertThat((List<String>) JsonPath.read(body, first + ".labels.validatedBy")).containsExactly("agent-7");
        assertThat((List<Object>) JsonPath.read(body, "$.tickets[?(@.id=='" + plain + "')].labels"))
                .containsExactly((Object) null);
    }

    @Test
    void aCustomerWithoutTicketsGetsAnEmptyList() {
        HttpResponse<String> response = export(ApiKeys.GDPR_SERVICE, "{\"customerId\":\"C-nobody\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat((List<Object>) JsonPath.read(response.body(), "$.tickets")).isEmpty();
    }

    @Test
    void aBlankCustomerIdIs400NamingTheFieldAndOtherRolesAreRefused() {
        HttpResponse<String> blank = export(ApiKeys.GDPR_SERVICE, "{\"customerId\":\" \"}");
        PlatformContract.assertProblem(blank, 400);
        assertThat(blank.body()).contains("customerId");

        PlatformContract.assertProblem(export(ApiKeys.OPS, "{\"customerId\":\"C-export\"}"), 403);
        PlatformContract.assertProblem(export(ApiKeys.CLASSIFIER, "{\"customerId\":\"C-export\"}"), 403);
        PlatformContract.assertProblem(export(ApiKeys.COMPLIANCE, "{\"customerId\":\"C-export\"}"), 403);
    }
}
