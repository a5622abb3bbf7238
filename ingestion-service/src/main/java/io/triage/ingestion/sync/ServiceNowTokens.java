package io.triage.ingestion.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import io.triage.ingestion.config.IngestionProperties.Source;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/**
 * ServiceNow OAuth tokens ({@code POST /oauth_token.do}, form-urlencoded): a password grant first, then the refresh
 * token when the access token expires or is refused; a refused refresh token falls back to the password grant.
 */
public final class ServiceNowTokens {

    /** Renew this long before the announced expiry, so a token does not expire in flight. */
    private static final Duration MARGIN = Duration.ofSeconds(30);

    private final RestClient client;
    private final Source settings;
    private final SourceCalls calls;
    private final Clock clock;
    private @Nullable String access;
    private @Nullable String refresh;
    private Instant expiresAt = Instant.MIN;

    public ServiceNowTokens(RestClient client, Source settings, SourceCalls calls, Clock clock) {
        this.client = client;
        this.settings = settings;
        this.calls = calls;
        this.clock = clock;
    }

    /** A current access token. */
    public synchronized String access() {
        if (access == null) {
            grant(passwordGrant());
        } else if (clock.instant().isAfter(expiresAt.minus(MARGIN))) {
            renew();
        }
        return Objects.requireNonNull(access, "a grant sets the access token or throws");
    }

    /** A new access token after {@code refused} was answered 401 (unless another call renewed it already). */
    public synchronized String renewAfter(String refused) {
        if (access != null && !access.equals(refused)) {
            return access;
        }
        renew();
        return Objects.requireNonNull(access, "a grant sets the access token or throws");
    }

    private void renew() {
        if (refresh == null) {
            grant(passwordGrant());
            return;
        }
        MultiValueMap<String, String> form = form("refresh_token");
        form.add("refresh_token", refresh);
        try {
            grant(form);
        } catch (HttpClientErrorException e) {
            grant(passwordGrant());
        }
    }

    private MultiValueMap<String, String> passwordGrant() {
        MultiValueMap<String, String> form = form("password");
        form.add("username", settings.username());
        form.add("password", settings.password());
        return form;
    }

    private MultiValueMap<String, String> form(String grantType) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("grant_type", grantType);
        form.add("client_id", settings.clientId());
        form.add("client_secret", settings.clientSecret());
        return form;
    }

    private void grant(MultiValueMap<String, String> form) {
        JsonNode token = calls.call(() -> client.post().uri("/oauth_token.do")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).body(form)
                .retrieve().body(JsonNode.class));
        if (token == null || !token.path("access_token").isString()) {
            throw new IllegalStateException("ServiceNow token endpoint answered without an access_token");
        }
        access = token.get("access_token").asString();
        if (token.path("refresh_token").isString()) {
            refresh = token.get("refresh_token").asString();
        }
        // expires_in is standard OAuth but unconfirmed for ServiceNow; without it, rely on the 401 path.
        long seconds = token.path("expires_in").asLong(0);
        expiresAt = seconds > 0 ? clock.instant().plusSeconds(seconds) : Instant.MAX;
    }
}
