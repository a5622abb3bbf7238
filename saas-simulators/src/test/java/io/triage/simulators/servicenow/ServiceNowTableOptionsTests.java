package io.triage.simulators.servicenow;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;

import io.triage.simulators.BasicCredentials;
import io.triage.simulators.Http;
import io.triage.simulators.SimClock;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceNowTableOptionsTests {

    private final String basic = BasicCredentials.header("integration", "integration-password");
    private final SimClock clock = SimClock.at(Instant.parse("2024-05-01T09:00:00Z"));
    /** The simulator this test started; null until {@link #start}. */
    private @Nullable ServiceNowSimulator started;

    @AfterEach
    void stop() {
        if (started != null) {
            started.close();
        }
    }

    private void start(ServiceNowSettings settings) {
        started = new ServiceNowSimulator(settings, clock);
        started.start(0);
    }

    private ServiceNowSimulator sim() {
        return Objects.requireNonNull(started, "a test calls start(settings) first");
    }

    private HttpResponse<String> list(String query) {
        return Http.get(sim(), "/api/now/table/incident?" + query, basic);
    }

    private static String encoded(String sysparmQuery) {
        return URLEncoder.encode(sysparmQuery, StandardCharsets.UTF_8);
    }

    @Test
    void fieldsParameterLimitsTheColumnsAndIgnoresUnknownNames() {
        start(ServiceNowSettings.defaults());
        sim().createIncident(Map.of("short_description", "VPN drops"));

        JsonNode incident = Http.json(list("sysparm_fields=number,short_description,no_such_column")).get("result").get(0);

        assertThat(incident.propertyNames()).containsExactly("number", "short_description");
    }

    @Test
    void noCountAndSuppressedPaginationHeaderDropTheHeaders() {
        start(ServiceNowSettings.defaults());
        sim().createIncident(Map.of());

        HttpResponse<String> response = list("sysparm_no_count=true&sysparm_suppress_pagination_header=true");

        assertThat(response.headers().firstValue("X-Total-Count")).isEmpty();
        assertThat(response.headers().firstValue("Link")).isEmpty();
    }

    @Test
    void excludedReferenceLinkLeavesOnlyTheValue() {
        start(ServiceNowSettings.defaults());
        sim().createIncident(Map.of("assignment_group", "287ebd7da9fe198100f92cc8d1d2154e"));

        JsonNode group = Http.json(list("sysparm_exclude_reference_link=true")).get("result").get(0).get("assignment_group");

        assertThat(group.propertyNames()).containsExactly("value");
    }

    @Test
    void queryDateLiteralsAreReadInTheConfiguredZone() {
        start(ServiceNowSettings.defaults().withQueryZone(ZoneId.of("Europe/Paris")));
        sim().createIncident(Map.of("number", "INC0000001", "sys_updated_on", "2024-05-01 08:30:00"));

        // 10:00 Paris (summer time) is 08:00 UTC, so the incident updated at 08:30 UTC matches.
        JsonNode result = Http.json(list("sysparm_query=" + encoded("sys_updated_on>=2024-05-01 10:00:00"))).get("result");

        assertThat(result).hasSize(1);
    }

    @Test
    void invalidQueryReturnsNoRowsWhenConfigured() {
        start(ServiceNowSettings.defaults().withInvalidQueryReturnsNoRows(true));
        sim().createIncident(Map.of("category", "network"));

        JsonNode result = Http.json(list("sysparm_query=" + encoded("no_such_field=x^category=network"))).get("result");

        assertThat(result).isEmpty();
    }

    @Test
    void firstPageHasNoPrevLinkWhenConfigured() {
        start(ServiceNowSettings.defaults().withPrevLinkOnFirstPage(false));
        sim().createIncident(Map.of());

        assertThat(list("sysparm_limit=1").headers().firstValue("Link").orElseThrow()).doesNotContain("rel=\"prev\"");
    }

    @Test
    void firstPageCarriesANegativePrevLinkByDefaultAsTheRealSampleDid() {
        start(ServiceNowSettings.defaults());
        sim().createIncident(Map.of());

        assertThat(list("sysparm_limit=1").headers().firstValue("Link").orElseThrow())
                .contains("sysparm_offset=-1>;rel=\"prev\"");
    }

    @Test
    void postCreatesAnIncidentThroughTheTableApi() {
        start(ServiceNowSettings.defaults());

        HttpResponse<String> response = Http.sendJson(sim(), "POST", "/api/now/table/incident", basic,
                "{\"short_description\":\"Printer jam\",\"urgency\":\"1\",\"impact\":\"1\"}");

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(Http.json(response).get("result").get("priority").asString()).isEqualTo("1");
        assertThat(sim().incidents()).hasSize(1);
    }

    @Test
    void noResponseBodyHeaderDropsThePatchBody() {
        start(ServiceNowSettings.defaults());
        String sysId = Objects.requireNonNull(sim().createIncident(Map.of()).get("sys_id"));

        HttpResponse<String> response = Http.send(Http.request(sim(), "/api/now/table/incident/" + sysId)
                .header("Authorization", basic).header("Content-Type", "application/json").header("X-no-response-body", "true")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"state\":\"2\"}")));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEmpty();
        assertThat(sim().incident(sysId).orElseThrow().get("state")).isEqualTo("2");
    }

    @Test
    void writtenWorkNotesAreReadableThroughTheAdminApi() {
        start(ServiceNowSettings.defaults());
        String sysId = Objects.requireNonNull(sim().createIncident(Map.of()).get("sys_id"));
        Http.sendJson(sim(), "PATCH", "/api/now/table/incident/" + sysId, basic, "{\"work_notes\":\"routed to Network Ops\"}");

        JsonNode entries = Http.json(Http.get(sim(), "/_sim/incidents/" + sysId + "/journal", "")).get("result");

        assertThat(entries.get(0).get("element").asString()).isEqualTo("work_notes");
        assertThat(entries.get(0).get("value").asString()).isEqualTo("routed to Network Ops");
        assertThat(entries.get(0).get("createdBy").asString()).isEqualTo("integration");
    }

    @Test
    void injectedRateLimitUsesTheDocumentedBodyAndHeaders() {
        start(ServiceNowSettings.defaults());
        sim().faults().nextRequests(1, new io.triage.simulators.fault.Fault.RateLimited(java.time.Duration.ofSeconds(60)));

        HttpResponse<String> response = list("");

        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("60");
        assertThat(response.headers().firstValue("X-RateLimit-Limit")).isPresent();
        assertThat(Http.json(response).get("error").get("message").asString()).isEqualTo("Rate limit exceeded");
    }

    @Test
    void displayValueAllGivesDisplayValueAndValueForEveryField() {
        start(ServiceNowSettings.defaults());
        sim().displayName("sys_user_group", "287ebd7da9fe198100f92cc8d1d2154e", "Network Ops");
        sim().createIncident(Map.of("assignment_group", "287ebd7da9fe198100f92cc8d1d2154e", "urgency", "2", "impact", "2"));

        JsonNode incident = Http.json(list("sysparm_display_value=all")).get("result").get(0);

        assertThat(incident.get("assignment_group").get("display_value").asString()).isEqualTo("Network Ops");
        assertThat(incident.get("assignment_group").get("value").asString()).isEqualTo("287ebd7da9fe198100f92cc8d1d2154e");
        assertThat(incident.get("assignment_group").has("link")).isTrue();
        assertThat(incident.get("priority").get("display_value").asString()).isEqualTo("3 - Moderate");
        assertThat(incident.get("priority").get("value").asString()).isEqualTo("3");
        assertThat(incident.get("state").get("display_value").asString()).isEqualTo("New");
    }

    @Test
    void displayValueTrueGivesDisplayStringsAndReferenceLinksOnlyWhenConfigured() {
        start(ServiceNowSettings.defaults().withDisplayReferencesKeepLink(false));
        sim().displayName("sys_user_group", "287ebd7da9fe198100f92cc8d1d2154e", "Network Ops");
        sim().createIncident(Map.of("assignment_group", "287ebd7da9fe198100f92cc8d1d2154e"));

        JsonNode incident = Http.json(list("sysparm_display_value=true")).get("result").get(0);

        assertThat(incident.get("urgency").asString()).isEqualTo("3 - Low");
        assertThat(incident.get("assignment_group").propertyNames()).containsExactly("display_value");
    }

    @Test
    void linksFollowTheHostTheClientAddressed() throws java.io.IOException {
        start(ServiceNowSettings.defaults());
        sim().createIncident(Map.of());

        // java.net.http will not set Host, so speak HTTP/1.1 on a socket, as a client in a container network would.
        String response;
        try (java.net.Socket socket = new java.net.Socket(sim().baseUri().getHost(), sim().baseUri().getPort())) {
            socket.getOutputStream().write(("GET /api/now/table/incident?sysparm_limit=1 HTTP/1.1\r\n"
                    + "Host: servicenow.sim:9101\r\nAuthorization: " + basic + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }

        assertThat(response).contains("<http://servicenow.sim:9101/api/now/table/incident?");
    }
}
