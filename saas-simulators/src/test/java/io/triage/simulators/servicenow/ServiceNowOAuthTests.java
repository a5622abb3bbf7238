package io.triage.simulators.servicenow;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import io.triage.simulators.Http;
import io.triage.simulators.SimClock;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceNowOAuthTests {

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

    private HttpResponse<String> token(String form) {
        return Http.send(Http.request(sim(), "/oauth_token.do")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("client_id=sim-client&client_secret=sim-secret&" + form)));
    }

    private int listWith(String accessToken) {
        return Http.get(sim(), "/api/now/table/incident", "Bearer " + accessToken).statusCode();
    }

    @Test
    void passwordGrantIssuesBearerAndRefreshTokens() {
        start(ServiceNowSettings.defaults());

        HttpResponse<String> response = token("grant_type=password&username=integration&password=integration-password");

        JsonNode body = Http.json(response);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(body.get("token_type").asString()).isEqualTo("Bearer");
        assertThat(body.get("expires_in").asLong()).isEqualTo(1800);
        assertThat(body.get("refresh_token").asString()).isNotBlank();
        assertThat(listWith(body.get("access_token").asString())).isEqualTo(200);
    }

    @Test
    void accessTokenIsRejectedOnceExpiredAndRefreshGivesAWorkingOne() {
        start(ServiceNowSettings.defaults().withAccessTokenTtl(Duration.ofMinutes(30)));
        JsonNode grant = Http.json(token("grant_type=password&username=integration&password=integration-password"));
        clock.advance(Duration.ofMinutes(31));

        int expired = listWith(grant.get("access_token").asString());
        JsonNode refreshed = Http.json(token("grant_type=refresh_token&refresh_token=" + grant.get("refresh_token").asString()));

        assertThat(expired).isEqualTo(401);
        assertThat(refreshed.has("refresh_token")).isFalse();
        assertThat(listWith(refreshed.get("access_token").asString())).isEqualTo(200);
    }

    @Test
    void passwordGrantWhileTokenIsValidReturnsTheSameTokenWithExtendedExpiry() {
        start(ServiceNowSettings.defaults());
        JsonNode first = Http.json(token("grant_type=password&username=integration&password=integration-password"));
        clock.advance(Duration.ofMinutes(20));

        JsonNode second = Http.json(token("grant_type=password&username=integration&password=integration-password"));
        clock.advance(Duration.ofMinutes(20));

        assertThat(second.get("access_token").asString()).isEqualTo(first.get("access_token").asString());
        assertThat(listWith(second.get("access_token").asString())).isEqualTo(200);
    }

    @Test
    void clientCredentialsGrantIssuesAnAccessTokenWithoutRefreshToken() {
        start(ServiceNowSettings.defaults());

        JsonNode body = Http.json(token("grant_type=client_credentials&scope=incident_read"));

        assertThat(body.has("refresh_token")).isFalse();
        assertThat(body.get("scope").asString()).isEqualTo("incident_read");
        assertThat(listWith(body.get("access_token").asString())).isEqualTo(200);
    }

    @Test
    void clientCredentialsGrantCanBeSwitchedOff() {
        start(ServiceNowSettings.defaults().withClientCredentialsGrant(false));

        assertThat(token("grant_type=client_credentials").statusCode()).isEqualTo(401);
    }

    @Test
    void wrongClientSecretIsUnauthorized() {
        start(ServiceNowSettings.defaults());

        HttpResponse<String> response = Http.send(Http.request(sim(), "/oauth_token.do")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id=sim-client&client_secret=nope")));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(Http.json(response).get("error_description").asString()).isEqualTo("access_denied");
    }

    @Test
    void unknownBearerTokenIsUnauthorized() {
        start(ServiceNowSettings.defaults());

        assertThat(listWith("not-a-token")).isEqualTo(401);
    }
}
