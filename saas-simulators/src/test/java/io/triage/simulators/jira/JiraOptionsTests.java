package io.triage.simulators.jira;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

import io.triage.simulators.BasicCredentials;
import io.triage.simulators.Http;
import io.triage.simulators.SimClock;
import io.triage.simulators.SimJson;
import io.triage.simulators.fault.Fault;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class JiraOptionsTests {

    private final SimClock clock = SimClock.at(Instant.parse("2024-05-01T10:00:00Z"));
    private final String auth = BasicCredentials.header("agent@example.com", "sim-jira-token");
    /** The simulator this test started; null until {@link #start}. */
    private @Nullable JiraSimulator started;

    @AfterEach
    void stop() {
        if (started != null) {
            started.close();
        }
    }

    private void start(JiraSettings settings) {
        started = new JiraSimulator(settings, clock);
        started.start(0);
    }

    private JiraSimulator sim() {
        return Objects.requireNonNull(started, "a test calls start(settings) first");
    }

    @Test
    void postedSearchTakesFieldsAsAListAndPagesWithTheToken() {
        start(JiraSettings.defaults());
        sim().createIssue(SimJson.parse("{\"summary\":\"one\"}"));
        sim().createIssue(SimJson.parse("{\"summary\":\"two\"}"));

        JsonNode first = Http.json(Http.sendJson(sim(), "POST", "/rest/api/3/search/jql", auth,
                "{\"jql\":\"project = SUP ORDER BY created ASC\",\"maxResults\":1,\"fields\":[\"summary\"]}"));
        JsonNode second = Http.json(Http.sendJson(sim(), "POST", "/rest/api/3/search/jql", auth,
                "{\"jql\":\"project = SUP ORDER BY created ASC\",\"maxResults\":1,\"fields\":[\"summary\"],\"nextPageToken\":\""
                        + first.get("nextPageToken").asString() + "\"}"));

        assertThat(first.get("issues").get(0).get("fields").get("summary").asString()).isEqualTo("one");
        assertThat(second.get("issues").get(0).get("fields").get("summary").asString()).isEqualTo("two");
        assertThat(second.has("nextPageToken")).isFalse();
    }

    @Test
    void jqlDateLiteralsAreReadInTheConfiguredZone() {
        start(JiraSettings.defaults().withJqlZone(ZoneId.of("America/New_York")));
        sim().createIssue(SimJson.parse("{\"summary\":\"at 12:30 UTC\",\"created\":\"2024-05-01T12:30:00Z\"}"));
        sim().createIssue(SimJson.parse("{\"summary\":\"at 13:30 UTC\",\"created\":\"2024-05-01T13:30:00Z\"}"));

        // 09:00 in New York (EDT) is 13:00 UTC.
        HttpResponse<String> response = Http.get(sim(), "/rest/api/3/search/jql?fields=summary&jql="
                + URLEncoder.encode("created >= \"2024-05-01 09:00\"", StandardCharsets.UTF_8), auth);

        JsonNode issues = Http.json(response).get("issues");
        assertThat(issues).hasSize(1);
        assertThat(issues.get(0).get("fields").get("summary").asString()).isEqualTo("at 13:30 UTC");
    }

    @Test
    void unknownJqlFieldIsABadRequest() {
        start(JiraSettings.defaults());

        HttpResponse<String> response = Http.get(sim(), "/rest/api/3/search/jql?jql="
                + URLEncoder.encode("flavour = vanilla", StandardCharsets.UTF_8), auth);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Http.json(response).get("errorMessages").get(0).asString()).contains("'flavour' does not exist");
    }

    @Test
    void unparsableMaxResultsIsABadRequestNotADroppedConnection() {
        start(JiraSettings.defaults());

        assertThat(Http.get(sim(), "/rest/api/3/search/jql?maxResults=many&jql=project%3DSUP", auth).statusCode()).isEqualTo(400);
    }

    @Test
    void returnIssueAnswersTheEditedIssue() {
        start(JiraSettings.defaults());
        sim().createIssue(SimJson.parse("{\"summary\":\"VPN drops\"}"));

        HttpResponse<String> response = Http.sendJson(sim(), "PUT", "/rest/api/3/issue/SUP-1?returnIssue=true", auth,
                "{\"fields\":{\"summary\":\"VPN drops hourly\"}}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Http.json(response).get("fields").get("summary").asString()).isEqualTo("VPN drops hourly");
    }

    @Test
    void seededIssueAndItsCommentsAreReadableThroughTheAdminApi() {
        start(JiraSettings.defaults());
        Http.sendJson(sim(), "POST", "/_sim/issues", "", "{\"summary\":\"seeded over HTTP\",\"description\":\"plain text\"}");
        Http.sendJson(sim(), "POST", "/rest/api/3/issue/SUP-1/comment", auth,
                "{\"body\":" + SimJson.write(Adf.doc("Auto-triage: Network")) + "}");

        JsonNode body = Http.json(Http.get(sim(), "/_sim/issues/SUP-1", ""));

        assertThat(body.get("issue").get("fields").get("summary").asString()).isEqualTo("seeded over HTTP");
        assertThat(Adf.isDoc(body.get("issue").get("fields").get("description"))).isTrue();
        assertThat(Adf.text(body.get("comments").get(0).get("body"))).isEqualTo("Auto-triage: Network");
    }

    @Test
    void injectedRateLimitCarriesRetryAfterAndReset() {
        start(JiraSettings.defaults());
        sim().faults().nextRequests(1, new Fault.RateLimited(java.time.Duration.ofSeconds(12)));

        HttpResponse<String> response = Http.get(sim(), "/rest/api/3/issue/SUP-1", auth);

        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("12");
        assertThat(response.headers().firstValue("X-RateLimit-Reset")).hasValue("2024-05-01T10:01Z");
    }

    @Test
    void fieldCatalogueNamesTheSitesTeamAndSlaCustomFields() {
        start(JiraSettings.defaults());

        JsonNode fields = Http.json(Http.get(sim(), "/rest/api/3/field", auth));

        assertThat(fields.valueStream().filter(f -> f.get("name").asString().equals("Team")).findFirst().orElseThrow()
                .get("id").asString()).isEqualTo("customfield_10001");
        assertThat(fields.valueStream().filter(f -> f.get("name").asString().equals("Time to resolution")).findFirst()
                .orElseThrow().get("schema").get("type").asString()).isEqualTo("sd-servicelevelagreement");
    }

    @Test
    void zeroMaxResultsIsRejectedRatherThanPagingForever() {
        start(JiraSettings.defaults());

        assertThat(Http.get(sim(), "/rest/api/3/search/jql?maxResults=0&jql=project%3DSUP", auth).statusCode()).isEqualTo(400);
    }
}
