package io.triage.simulators.servicenow;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.StreamSupport;

import io.triage.simulators.BasicCredentials;
import io.triage.simulators.Http;
import io.triage.simulators.SimClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceNowTableTests {

    private final ServiceNowSettings settings = ServiceNowSettings.defaults();
    private final String basic = BasicCredentials.header(settings.username(), settings.password());
    private final SimClock clock = SimClock.at(Instant.parse("2024-05-01T09:00:00Z"));
    private ServiceNowSimulator sim;

    @BeforeEach
    void start() {
        sim = new ServiceNowSimulator(settings, clock);
        sim.start(0);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private void seed(String number, String updatedOn, String category) {
        sim.createIncident(Map.of("number", number, "sys_updated_on", updatedOn, "category", category,
                "short_description", "ticket " + number));
    }

    private static String query(String sysparmQuery) {
        return URLEncoder.encode(sysparmQuery, StandardCharsets.UTF_8);
    }

    private static List<String> numbers(HttpResponse<String> response) {
        return StreamSupport.stream(Http.json(response).get("result").spliterator(), false)
                .map(r -> r.get("number").asString()).toList();
    }

    /** rel → URL from a {@code Link} header. */
    private static Map<String, String> links(HttpResponse<String> response) {
        Map<String, String> links = new java.util.HashMap<>();
        for (String link : response.headers().firstValue("Link").orElseThrow().split(",")) {
            String[] parts = link.split(";rel=");
            links.put(parts[1].replace("\"", ""), parts[0].substring(1, parts[0].length() - 1));
        }
        return links;
    }

    @Test
    void pagesCarryTotalCountAndNextLinkUntilTheLastPage() {
        for (int i = 1; i <= 5; i++) {
            seed("INC000000" + i, "2024-05-01 08:0" + i + ":00", "network");
        }

        HttpResponse<String> first = Http.get(sim, "/api/now/table/incident?sysparm_limit=2&sysparm_offset=0", basic);
        HttpResponse<String> last = Http.get(sim, "/api/now/table/incident?sysparm_limit=2&sysparm_offset=4", basic);

        assertThat(numbers(first)).containsExactly("INC0000001", "INC0000002");
        assertThat(first.headers().firstValue("X-Total-Count")).hasValue("5");
        assertThat(links(first).get("next")).contains("sysparm_offset=2").contains("sysparm_limit=2");
        assertThat(links(first).get("last")).contains("sysparm_offset=4");
        assertThat(numbers(last)).containsExactly("INC0000005");
        assertThat(links(last)).doesNotContainKey("next");
    }

    @Test
    void updatedOnQueryFiltersAndOrdersByTheRequestedColumn() {
        seed("INC0000003", "2024-05-01 08:30:00", "network");
        seed("INC0000001", "2024-05-01 07:00:00", "network");
        seed("INC0000002", "2024-05-01 08:10:00", "network");

        HttpResponse<String> response = Http.get(sim, "/api/now/v2/table/incident?sysparm_query="
                + query("sys_updated_on>=2024-05-01 08:00:00^ORDERBYsys_updated_on"), basic);

        assertThat(numbers(response)).containsExactly("INC0000002", "INC0000003");
        assertThat(response.headers().firstValue("X-Total-Count")).hasValue("2");
    }

    @Test
    void orConditionsBindTighterThanAnd() {
        seed("INC0000001", "2024-05-01 08:00:00", "network");
        seed("INC0000002", "2024-05-01 08:00:00", "hardware");
        seed("INC0000003", "2024-05-01 08:00:00", "software");

        HttpResponse<String> response = Http.get(sim, "/api/now/table/incident?sysparm_query="
                + query("category=network^ORcategory=software^ORDERBYDESCnumber"), basic);

        assertThat(numbers(response)).containsExactly("INC0000003", "INC0000001");
    }

    @Test
    void unknownColumnInQueryIsIgnoredByDefault() {
        seed("INC0000001", "2024-05-01 08:00:00", "network");

        HttpResponse<String> response = Http.get(sim, "/api/now/table/incident?sysparm_query="
                + query("no_such_field=x^category=network"), basic);

        assertThat(numbers(response)).containsExactly("INC0000001");
    }

    @Test
    void emptyMatchIsOkWithEmptyResult() {
        HttpResponse<String> response = Http.get(sim, "/api/now/table/incident?sysparm_query=" + query("category=none"), basic);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Http.json(response).get("result").isEmpty()).isTrue();
    }

    @Test
    void valuesAreStringsAndReferencesCarryLinkAndValue() {
        sim.createIncident(Map.of("assignment_group", "287ebd7da9fe198100f92cc8d1d2154e", "urgency", "2", "impact", "2"));

        JsonNode incident = Http.json(Http.get(sim, "/api/now/table/incident", basic)).get("result").get(0);

        assertThat(incident.get("priority").isString()).isTrue();
        assertThat(incident.get("priority").asString()).isEqualTo("3");
        assertThat(incident.get("sys_mod_count").asString()).isEqualTo("0");
        assertThat(incident.get("caller_id").asString()).isEmpty();
        assertThat(incident.get("assignment_group").get("link").asString())
                .isEqualTo(sim.baseUri() + "/api/now/table/sys_user_group/287ebd7da9fe198100f92cc8d1d2154e");
        assertThat(incident.get("sys_created_on").asString()).isEqualTo("2024-05-01 09:00:00");
    }

    @Test
    void patchAppendsWorkNotesToTheJournalAndReadsThemBackEmpty() {
        String sysId = Objects.requireNonNull(sim.createIncident(Map.of("short_description", "VPN drops")).get("sys_id"));
        clock.advance(java.time.Duration.ofMinutes(5));

        HttpResponse<String> first = Http.sendJson(sim, "PATCH", "/api/now/table/incident/" + sysId, basic,
                "{\"assignment_group\":\"287ebd7da9fe198100f92cc8d1d2154e\",\"urgency\":\"1\",\"impact\":1,\"work_notes\":\"Auto-triage: routed (0.91)\"}");
        Http.sendJson(sim, "PATCH", "/api/now/table/incident/" + sysId, basic, "{\"work_notes\":\"second note\"}");

        JsonNode result = Http.json(first).get("result");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(result.get("work_notes").asString()).isEmpty();
        assertThat(result.get("priority").asString()).isEqualTo("1");
        assertThat(result.get("sys_updated_on").asString()).isEqualTo("2024-05-01 09:05:00");
        assertThat(sim.incident(sysId).orElseThrow().get("sys_mod_count")).isEqualTo("2");
        assertThat(sim.journal(sysId)).extracting(ServiceNowSimulator.JournalEntry::value)
                .containsExactly("Auto-triage: routed (0.91)", "second note");
    }

    @Test
    void journalEntriesAreReadableThroughTheJournalTable() {
        String sysId = Objects.requireNonNull(sim.createIncident(Map.of("short_description", "VPN drops")).get("sys_id"));
        Http.sendJson(sim, "PATCH", "/api/now/table/incident/" + sysId, basic, "{\"work_notes\":\"routed\"}");

        HttpResponse<String> response = Http.get(sim, "/api/now/table/sys_journal_field?sysparm_query="
                + query("element_id=" + sysId + "^element=work_notes"), basic);

        assertThat(Http.json(response).get("result").get(0).get("value").asString()).isEqualTo("routed");
    }

    @Test
    void patchOfUnknownRecordIsNotFoundInServiceNowErrorShape() {
        HttpResponse<String> response = Http.sendJson(sim, "PATCH", "/api/now/table/incident/" + "0".repeat(32), basic, "{}");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(Http.json(response).get("status").asString()).isEqualTo("failure");
        assertThat(Http.json(response).get("error").get("message").asString()).isEqualTo("No Record found");
    }

    @Test
    void wrongBasicCredentialsAreUnauthorizedInServiceNowErrorShape() {
        HttpResponse<String> response = Http.get(sim, "/api/now/table/incident",
                BasicCredentials.header(settings.username(), "wrong"));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(Http.json(response).get("error").get("message").asString()).isEqualTo("User Not Authenticated");
        assertThat(Http.json(response).get("status").asString()).isEqualTo("failure");
    }

    @Test
    void concurrentPatchesAreAllKept() throws InterruptedException {
        String sysId = Objects.requireNonNull(sim.createIncident(Map.of("short_description", "busy")).get("sys_id"));

        try (var executor = java.util.concurrent.Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 40; i++) {
                String note = "note " + i;
                executor.submit(() -> Http.sendJson(sim, "PATCH", "/api/now/table/incident/" + sysId, basic,
                        "{\"work_notes\":\"" + note + "\"}"));
            }
        }

        assertThat(sim.incident(sysId).orElseThrow().get("sys_mod_count")).isEqualTo("40");
        assertThat(sim.journal(sysId)).hasSize(40);
    }
}
