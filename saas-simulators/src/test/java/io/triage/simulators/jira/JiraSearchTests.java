package io.triage.simulators.jira;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.triage.simulators.BasicCredentials;
import io.triage.simulators.Http;
import io.triage.simulators.SimClock;
import io.triage.simulators.SimJson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class JiraSearchTests {

    private final SimClock clock = SimClock.at(Instant.parse("2024-05-01T10:00:00Z"));
    private final String auth = BasicCredentials.header("agent@example.com", "sim-jira-token");
    private JiraSimulator sim;

    @BeforeEach
    void start() {
        sim = new JiraSimulator(JiraSettings.defaults(), clock);
        sim.start(0);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private void seed(String summary, String updated) {
        sim.createIssue(SimJson.object().put("summary", summary).put("description", "line one\nline two")
                .put("created", "2024-04-30T08:00:00Z").put("updated", updated));
    }

    private HttpResponse<String> search(String jql, String extra) {
        return Http.get(sim, "/rest/api/3/search/jql?jql=" + URLEncoder.encode(jql, StandardCharsets.UTF_8) + extra, auth);
    }

    @Test
    void nextPageTokenPagesThroughAndIsAbsentOnTheLastPage() {
        for (int i = 1; i <= 3; i++) {
            seed("issue " + i, "2024-05-01T09:0" + i + ":00Z");
        }
        String jql = "updated >= \"2024-05-01 09:00\" ORDER BY updated ASC";
        List<String> summaries = new ArrayList<>();
        String token = "";
        int pages = 0;
        JsonNode page;
        do {
            page = Http.json(search(jql, "&maxResults=2&fields=summary" + token));
            page.get("issues").forEach(issue -> summaries.add(issue.get("fields").get("summary").asString()));
            token = page.has("nextPageToken") ? "&nextPageToken=" + page.get("nextPageToken").asString() : "";
            pages++;
        } while (!token.isEmpty());

        assertThat(summaries).containsExactly("issue 1", "issue 2", "issue 3");
        assertThat(pages).isEqualTo(2);
        assertThat(page.get("isLast").asBoolean()).isTrue();
        assertThat(page.has("total")).isFalse();
    }

    @Test
    void updatedClauseFiltersAtMinuteResolutionAndOrdersDescending() {
        seed("old", "2024-05-01T08:59:59Z");
        seed("edge", "2024-05-01T09:00:30Z");
        seed("new", "2024-05-01T09:30:00Z");

        JsonNode page = Http.json(search("project = SUP AND updated >= \"2024-05-01 09:00\" ORDER BY updated DESC", "&fields=summary"));

        assertThat(page.get("issues").valueStream().map(i -> i.get("fields").get("summary").asString()))
                .containsExactly("new", "edge");
    }

    @Test
    void descriptionsAreAdfDocuments() {
        seed("adf", "2024-05-01T09:00:00Z");

        JsonNode description = Http.json(search("project = SUP", "&fields=description")).get("issues").get(0)
                .get("fields").get("description");

        assertThat(description.get("type").asString()).isEqualTo("doc");
        assertThat(description.get("version").asInt()).isEqualTo(1);
        assertThat(description.get("content").get(1).get("content").get(0).get("text").asString()).isEqualTo("line two");
    }

    @Test
    void searchWithoutFieldsReturnsOnlyIds() {
        seed("bare", "2024-05-01T09:00:00Z");

        JsonNode issue = Http.json(search("project = SUP", "")).get("issues").get(0);

        assertThat(issue.propertyNames()).containsExactly("id");
    }

    @Test
    void postedSearchWithStartAtIsRejected() {
        HttpResponse<String> response = Http.sendJson(sim, "POST", "/rest/api/3/search/jql", auth,
                "{\"jql\":\"project = SUP\",\"startAt\":0}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Http.json(response).get("errorMessages").get(0).asString()).startsWith("Invalid request payload");
    }

    @Test
    void unboundedJqlIsRejected() {
        assertThat(search("ORDER BY updated", "").statusCode()).isEqualTo(400);
    }

    @Test
    void orderByWithoutAFieldIsABadRequest() {
        HttpResponse<String> response = search("project = SUP ORDER BY", "");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Http.json(response).get("errorMessages").get(0).asString()).contains("ends unexpectedly");
    }

    @Test
    void legacySearchIsGone() {
        assertThat(Http.get(sim, "/rest/api/3/search?jql=project%3DSUP", auth).statusCode()).isEqualTo(410);
    }

    @Test
    void slaFieldsAndServiceDeskSlaEndpointShowTheOngoingCycle() {
        sim.createIssue(SimJson.parse("""
                {"summary":"VPN drops","created":"2024-05-01T09:00:00Z","sla":[{"name":"Time to first response","goalMinutes":240}]}"""));

        JsonNode fieldValue = Http.json(search("project = SUP", "&fields=customfield_10030")).get("issues").get(0)
                .get("fields").get("customfield_10030");
        JsonNode page = Http.json(Http.get(sim, "/rest/servicedeskapi/request/SUP-1/sla", auth));

        assertThat(fieldValue.get("name").asString()).isEqualTo("Time to first response");
        JsonNode cycle = page.get("values").get(0).get("ongoingCycle");
        assertThat(page.get("isLastPage").asBoolean()).isTrue();
        assertThat(cycle.get("elapsedTime").get("millis").asLong()).isEqualTo(3_600_000);
        assertThat(cycle.get("remainingTime").get("millis").asLong()).isEqualTo(10_800_000);
        assertThat(cycle.get("breached").asBoolean()).isFalse();
    }

    @Test
    void wrongApiTokenIsUnauthorizedInJiraErrorShape() {
        HttpResponse<String> response = Http.get(sim, "/rest/api/3/search/jql?jql=project%3DSUP",
                BasicCredentials.header("agent@example.com", "wrong"));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(Http.json(response).get("errorMessages").isArray()).isTrue();
    }
}
