package io.triage.simulators.slack;

import java.net.http.HttpResponse;
import java.util.Objects;

import io.triage.simulators.Http;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SlackWebhookTests {

    private static final String HOOK = "/services/T0001/B0001/abcDEF123";
    private final SlackSimulator sim = new SlackSimulator();

    @BeforeEach
    void start() {
        sim.start(0);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private HttpResponse<String> post(String path, String json) {
        return Http.sendJson(sim, "POST", path, "", json);
    }

    @Test
    void messageIsAnsweredOkAndKept() {
        HttpResponse<String> response = post(HOOK, """
                {"text":"INC0010002 escalated to Network Ops","blocks":[{"type":"section","text":{"type":"mrkdwn","text":"*INC0010002*"}}]}""");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("ok");
        assertThat(sim.messages()).singleElement().satisfies(m -> {
            assertThat(m.webhookPath()).isEqualTo(HOOK);
            assertThat(m.text()).isEqualTo("INC0010002 escalated to Network Ops");
            assertThat(Objects.requireNonNull(m.blocks(), "blocks were kept").get(0).get("type").asString())
                    .isEqualTo("section");
        });
    }

    @Test
    void malformedJsonIsInvalidPayload() {
        HttpResponse<String> response = post(HOOK, "{not json");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("invalid_payload");
        assertThat(sim.messages()).isEmpty();
    }

    @Test
    void messageWithoutTextOrBlocksIsNoText() {
        HttpResponse<String> response = post(HOOK, "{}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("no_text");
    }

    @Test
    void disabledWebhookIsNoService() {
        sim.disable(HOOK);

        HttpResponse<String> response = post(HOOK, "{\"text\":\"hi\"}");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).isEqualTo("no_service");
    }
}
