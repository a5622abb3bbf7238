package io.triage.simulators.fault;

import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.triage.simulators.BasicCredentials;
import io.triage.simulators.Http;
import io.triage.simulators.jira.JiraSimulator;
import io.triage.simulators.servicenow.ServiceNowSimulator;
import io.triage.simulators.slack.SlackSimulator;
import io.triage.simulators.zendesk.ZendeskSimulator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FaultInjectionTests {

    private static final String SERVICENOW_AUTH = BasicCredentials.header("integration", "integration-password");
    private static final String ZENDESK_AUTH = BasicCredentials.header("agent@example.com/token", "sim-zendesk-token");
    private static final String JIRA_AUTH = BasicCredentials.header("agent@example.com", "sim-jira-token");

    private static int listIncidents(ServiceNowSimulator sim) {
        return Http.get(sim, "/api/now/table/incident", SERVICENOW_AUTH).statusCode();
    }

    @Test
    void serverErrorAnswersTheNextRequestsThenStops() {
        try (ServiceNowSimulator sim = new ServiceNowSimulator()) {
            sim.start(0);
            sim.faults().nextRequests(2, new Fault.ServerError(503));

            HttpResponse<String> failed = Http.get(sim, "/api/now/table/incident", SERVICENOW_AUTH);

            assertThat(failed.statusCode()).isEqualTo(503);
            assertThat(Http.json(failed).get("status").asString()).isEqualTo("failure");
            assertThat(listIncidents(sim)).isEqualTo(503);
            assertThat(listIncidents(sim)).isEqualTo(200);
        }
    }

    @Test
    void rateLimitedFaultAnswers429WithRetryAfter() {
        try (ZendeskSimulator sim = new ZendeskSimulator()) {
            sim.start(0);
            sim.faults().nextRequests(1, new Fault.RateLimited(Duration.ofSeconds(17)));

            HttpResponse<String> response = Http.get(sim, "/api/v2/tickets/1.json", ZENDESK_AUTH);

            assertThat(response.statusCode()).isEqualTo(429);
            assertThat(response.headers().firstValue("Retry-After")).hasValue("17");
        }
    }

    @Test
    void clientErrorRefusesTheFieldInEachSystemsShapeOnce() {
        try (ZendeskSimulator zendesk = new ZendeskSimulator(); JiraSimulator jira = new JiraSimulator();
                ServiceNowSimulator servicenow = new ServiceNowSimulator()) {
            zendesk.start(0);
            jira.start(0);
            servicenow.start(0);
            zendesk.faults().nextRequests(1, new Fault.ClientError(422, "group_id"));
            jira.faults().nextRequests(1, new Fault.ClientError(400, "components"));
            servicenow.faults().nextRequests(1, new Fault.ClientError(403, "assignment_group"));

            HttpResponse<String> zendeskRefusal = Http.get(zendesk, "/api/v2/tickets/1.json", ZENDESK_AUTH);
            HttpResponse<String> jiraRefusal = Http.get(jira, "/rest/api/3/search/jql?jql=project%3DSUP", JIRA_AUTH);
            HttpResponse<String> serviceNowRefusal = Http.get(servicenow, "/api/now/table/incident", SERVICENOW_AUTH);

            assertThat(zendeskRefusal.statusCode()).isEqualTo(422);
            assertThat(Http.json(zendeskRefusal).path("error").asString()).isEqualTo("RecordInvalid");
            assertThat(Http.json(zendeskRefusal).path("details").has("group_id")).isTrue();
            assertThat(jiraRefusal.statusCode()).isEqualTo(400);
            assertThat(Http.json(jiraRefusal).path("errors").has("components")).isTrue();
            assertThat(serviceNowRefusal.statusCode()).isEqualTo(403);
            assertThat(serviceNowRefusal.body()).contains("assignment_group");
            assertThat(listIncidents(servicenow)).isEqualTo(200);
        }
    }

    @Test
    void slowFaultOutlastsAClientTimeout() {
        try (SlackSimulator sim = new SlackSimulator()) {
            sim.start(0);
            sim.faults().nextRequests(1, new Fault.Slow(Duration.ofSeconds(2)));

            assertThatThrownBy(() -> Http.send(Http.request(sim, "/services/T1/B1/x").timeout(Duration.ofMillis(200))
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"text\":\"hi\"}"))))
                    .hasRootCauseInstanceOf(HttpTimeoutException.class);
        }
    }

    @Test
    void expiredTokenFaultAnswers401EvenWithValidCredentials() {
        try (JiraSimulator sim = new JiraSimulator()) {
            sim.start(0);
            sim.faults().nextRequests(1, new Fault.ExpiredToken());

            HttpResponse<String> response = Http.get(sim, "/rest/api/3/search/jql?jql=project%3DSUP", JIRA_AUTH);

            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(Http.json(response).get("errorMessages").isArray()).isTrue();
        }
    }

    @Test
    void droppedConnectionGivesTheClientNoAnswer() {
        // A POST: java.net.http retries an idempotent GET once on a dropped connection, which would meet no fault.
        try (SlackSimulator sim = new SlackSimulator()) {
            sim.start(0);
            sim.faults().nextRequests(1, new Fault.DropConnection());

            assertThatThrownBy(() -> Http.sendJson(sim, "POST", "/services/T1/B1/x", "", "{\"text\":\"lost\"}"))
                    .isInstanceOf(UncheckedIOException.class);
            assertThat(Http.sendJson(sim, "POST", "/services/T1/B1/x", "", "{\"text\":\"kept\"}").statusCode()).isEqualTo(200);
            assertThat(sim.messages()).extracting(SlackSimulator.Message::text).containsExactly("kept");
        }
    }

    @Test
    void percentageFaultsWithTheSameSeedHitTheSameRequests() {
        assertThat(statusesWithSeed(7)).isEqualTo(statusesWithSeed(7)).contains(500, 200);
    }

    private static List<Integer> statusesWithSeed(long seed) {
        try (ServiceNowSimulator sim = new ServiceNowSimulator()) {
            sim.start(0);
            sim.faults().percentage(50, seed, new Fault.ServerError(500));
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                statuses.add(listIncidents(sim));
            }
            return statuses;
        }
    }

    @Test
    void adminEndpointInjectsAndClearsFaults() {
        try (ServiceNowSimulator sim = new ServiceNowSimulator()) {
            sim.start(0);

            HttpResponse<String> injected = Http.sendJson(sim, "POST", "/_sim/faults", "",
                    "{\"fault\":\"server_error\",\"status\":502,\"count\":5}");
            int faulted = listIncidents(sim);
            Http.send(Http.request(sim, "/_sim/faults").DELETE());

            assertThat(injected.statusCode()).isEqualTo(201);
            assertThat(faulted).isEqualTo(502);
            assertThat(listIncidents(sim)).isEqualTo(200);
        }
    }

    @Test
    void adminEndpointRejectsAnUnknownFault() {
        try (SlackSimulator sim = new SlackSimulator()) {
            sim.start(0);

            HttpResponse<String> response = Http.sendJson(sim, "POST", "/_sim/faults", "", "{\"fault\":\"gremlins\"}");

            assertThat(response.statusCode()).isEqualTo(400);
        }
    }

    @Test
    void adminRequestsNeverMeetFaults() {
        try (ZendeskSimulator sim = new ZendeskSimulator()) {
            sim.start(0);
            sim.faults().nextRequests(1, new Fault.ServerError(500));

            HttpResponse<String> admin = Http.get(sim, "/_sim/tickets", "");

            assertThat(admin.statusCode()).isEqualTo(200);
            assertThat(sim.faults().activeRules()).isEqualTo(1);
        }
    }
}
