package io.triage.simulators.servicenow;

import java.time.Clock;
import java.util.Map;

import io.triage.simulators.SimJson;
import io.triage.simulators.SimRequest;
import io.triage.simulators.SimResponse;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST /oauth_token.do}: a form-urlencoded body with {@code grant_type} {@code password},
 * {@code refresh_token} or {@code client_credentials}. Answers {@code access_token}, {@code refresh_token} (password
 * grant only), {@code scope}, {@code token_type: Bearer}, {@code expires_in}; wrong client or user credentials get
 * {@code 401 {"error_description":"access_denied","error":"server_error"}}.
 */
final class TokenEndpoint {

    private final ServiceNowSettings settings;
    private final OAuthTokens tokens;
    private final Clock clock;

    TokenEndpoint(ServiceNowSettings settings, OAuthTokens tokens, Clock clock) {
        this.settings = settings;
        this.tokens = tokens;
        this.clock = clock;
    }

    SimResponse answer(SimRequest request) {
        String contentType = request.header("Content-Type");
        if (contentType == null || !contentType.startsWith("application/x-www-form-urlencoded")) {
            return oauthError(400, "invalid_request", "form-urlencoded body required");
        }
        Map<String, String> form = SimRequest.decodeForm(request.bodyText());
        if (!settings.clientId().equals(form.get("client_id")) || !settings.clientSecret().equals(form.get("client_secret"))) {
            return oauthError(401, "server_error", "access_denied");
        }
        String scope = form.getOrDefault("scope", "useraccount");
        OAuthTokens.Grant grant = switch (form.getOrDefault("grant_type", "")) {
            case "password" -> settings.username().equals(form.get("username")) && settings.password().equals(form.get("password"))
                    ? tokens.password(settings.username(), scope, settings.accessTokenTtl(), settings.refreshTokenTtl())
                    : null;
            case "refresh_token" -> tokens.refresh(form.getOrDefault("refresh_token", ""), settings.accessTokenTtl());
            case "client_credentials" -> settings.clientCredentialsGrant()
                    ? tokens.clientCredentials(settings.clientId(), scope, settings.accessTokenTtl())
                    : null;
            default -> null;
        };
        if (grant == null) {
            return oauthError(401, "server_error", "access_denied");
        }
        ObjectNode body = SimJson.object().put("access_token", grant.access().value());
        OAuthTokens.Token refresh = grant.refresh();
        if (refresh != null) {
            body.put("refresh_token", refresh.value());
        }
        body.put("scope", grant.access().scope()).put("token_type", "Bearer")
                .put("expires_in", grant.access().expiresAt().getEpochSecond() - clock.instant().getEpochSecond());
        return SimResponse.json(200, body);
    }

    private static SimResponse oauthError(int status, String error, String description) {
        return SimResponse.json(status, SimJson.object().put("error_description", description).put("error", error));
    }
}
