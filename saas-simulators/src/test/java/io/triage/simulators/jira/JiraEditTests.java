package io.triage.simulators.jira;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import io.triage.simulators.BasicCredentials;
import io.triage.simulators.Hmac;
import io.triage.simulators.Http;
import io.triage.simulators.RecordedRequest;
import io.triage.simulators.SimClock;
import io.triage.simulators.SimJson;
import io.triage.simulators.WebhookSink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class JiraEditTests {

    private final SimClock clock = SimClock.at(Instant.parse("2024-05-01T10:00:00Z"));
    private final String auth = BasicCredentials.header("agent@example.com", "sim-jira-token");
    private final WebhookSink sink = new WebhookSink();
    private JiraSimulator sim;

    @BeforeEach
    void start() {
        sink.start(0);
        sim = new JiraSimulator(JiraSettings.defaults(), clock);
        sim.start(0);
        sim.createIssue(SimJson.parse("{\"summary\":\"VPN drops\",\"priority\":\"Medium\",\"labels\":[\"new\"]}"));
    }

    @AfterEach
    void stop() {
        sim.close();
        sink.close();
    }

    private HttpResponse<String> edit(String json) {
        return Http.sendJson(sim, "PUT", "/rest/api/3/issue/SUP-1", auth, json);
    }

    @Test
    void editSetsFieldsAppliesLabelOperationsAndAnswersNoContent() {
        clock.advance(Duration.ofMinutes(1));

        HttpResponse<String> response = edit("""
                {"fields":{"priority":{"name":"Highest"},"customfield_10001":"team-42"},
                 "update":{"labels":[{"add":"auto_triaged"},{"remove":"new"}]}}""");

        JsonNode fields = sim.issue("SUP-1").orElseThrow().get("fields");
        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(fields.get("priority").get("name").asString()).isEqualTo("Highest");
        assertThat(fields.get("priority").get("id").asString()).isEqualTo("1");
        assertThat(fields.get("customfield_10001").asString()).isEqualTo("team-42");
        assertThat(fields.get("labels").toString()).isEqualTo("[\"auto_triaged\"]");
        assertThat(fields.get("updated").asString()).isEqualTo("2024-05-01T10:01:00.000+0000");
    }

    @Test
    void fieldInBothFieldsAndUpdateIsRejected() {
        assertThat(edit("{\"fields\":{\"labels\":[\"a\"]},\"update\":{\"labels\":[{\"add\":\"b\"}]}}").statusCode()).isEqualTo(400);
    }

    @Test
    void updateOperationsOnOtherFieldsThanLabelsAreRejected() {
        assertThat(edit("{\"update\":{\"components\":[{\"add\":{\"name\":\"VPN\"}}]}}").statusCode()).isEqualTo(400);
    }

    @Test
    void plainTextDescriptionIsRejectedBecauseV3TakesAdf() {
        HttpResponse<String> response = edit("{\"fields\":{\"description\":\"plain\"}}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Http.json(response).get("errors").get("description").asString()).contains("Atlassian Document");
    }

    @Test
    void adfCommentIsKeptAndInternalFlagHonoured() {
        HttpResponse<String> response = Http.sendJson(sim, "POST", "/rest/api/3/issue/SUP-1/comment", auth, """
                {"body":{"type":"doc","version":1,"content":[{"type":"paragraph","content":[{"type":"text","text":"Auto-triage: Network (0.91)"}]}]},
                 "properties":[{"key":"sd.public.comment","value":{"internal":true}}]}""");

        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode stored = sim.comments("SUP-1").getFirst();
        assertThat(Adf.text(stored.get("body"))).isEqualTo("Auto-triage: Network (0.91)");
        assertThat(stored.get("jsdPublic").asBoolean()).isFalse();
        assertThat(Http.json(Http.get(sim, "/rest/api/3/issue/SUP-1/comment", auth)).get("total").asInt()).isEqualTo(1);
    }

    @Test
    void plainTextCommentIsRejected() {
        assertThat(Http.sendJson(sim, "POST", "/rest/api/3/issue/SUP-1/comment", auth, "{\"body\":\"plain\"}").statusCode())
                .isEqualTo(400);
    }

    @Test
    void editOfUnknownIssueIsNotFound() {
        assertThat(Http.sendJson(sim, "PUT", "/rest/api/3/issue/SUP-99", auth, "{\"fields\":{}}").statusCode()).isEqualTo(404);
    }

    @Test
    void updateWebhookIsSignedWithHexHmacOfTheRawBody() {
        sim.webhookTarget(sink.baseUri().resolve("/jira"), "s3cret");

        edit("{\"fields\":{\"priority\":{\"name\":\"High\"}}}");

        await().atMost(Duration.ofSeconds(10)).until(() -> !sink.requests().isEmpty());
        RecordedRequest received = sink.requests().getFirst();
        assertThat(received.header("X-Hub-Signature"))
                .isEqualTo("sha256=" + HexFormat.of().formatHex(Hmac.sha256("s3cret", received.body())));
        JsonNode body = SimJson.parse(received.bodyText());
        assertThat(body.get("webhookEvent").asString()).isEqualTo("jira:issue_updated");
        JsonNode item = body.get("changelog").get("items").get(0);
        assertThat(item.get("field").asString()).isEqualTo("priority");
        assertThat(item.get("fromString").asString()).isEqualTo("Medium");
        assertThat(item.get("toString").asString()).isEqualTo("High");
    }

    @Test
    void webhookWithoutSecretIsUnsigned() {
        sim.webhookTarget(sink.baseUri().resolve("/jira"), null);

        edit("{\"fields\":{\"summary\":\"VPN drops daily\"}}");

        await().atMost(Duration.ofSeconds(10)).until(() -> !sink.requests().isEmpty());
        assertThat(sink.requests().getFirst().header("X-Hub-Signature")).isNull();
        assertThat(sink.requests().getFirst().header("X-Atlassian-Webhook-Identifier")).isNotBlank();
    }
}
