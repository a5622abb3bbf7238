package io.triage.console.upstream;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

import io.triage.console.session.AccessTokens;
import io.triage.console.session.UserCredentials;
import io.triage.platform.problem.UnauthenticatedException;
import io.triage.platform.problem.UnavailableException;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * Calls a service as the signed-in person (their API key in {@code X-API-Key}, or the access token they signed in
 * with OpenID Connect for as {@code Authorization: Bearer}, renewed when it expires), and hands its answer back
 * unchanged: status, content type and body, so a service's ProblemDetail (naming the field at fault) reaches the page
 * as the service wrote it.
 */
@Component
public class Upstream {

    private static final String API_KEY = "X-API-Key";

    private final RestClient http;
    private final ObjectProvider<AccessTokens> accessTokens;

    public Upstream(RestClient.Builder builder, ObjectProvider<AccessTokens> accessTokens) {
        this.http = builder.build();
        this.accessTokens = accessTokens;
    }

    /** The service's answer, whatever its status; 503 when the service cannot be reached. */
    public ResponseEntity<String> call(HttpMethod method, URI service, String pathAndQuery, @Nullable Object body,
            Authentication caller) {
        return call(method, service, pathAndQuery, body, caller, MediaType.APPLICATION_JSON);
    }

    /** As {@link #call(HttpMethod, URI, String, Object, Authentication)}, accepting {@code accepted} (or a problem). */
    public ResponseEntity<String> call(HttpMethod method, URI service, String pathAndQuery, @Nullable Object body,
            Authentication caller, MediaType accepted) {
        RestClient.RequestBodySpec request = http.method(method).uri(URI.create(service + pathAndQuery))
                .headers(credentialsOf(caller))
                .accept(accepted, MediaType.APPLICATION_PROBLEM_JSON);
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        return exchange(request, service);
    }

    /** As {@link #call(HttpMethod, URI, String, Object, Authentication)}, sending {@code text} as {@code type}. */
    public ResponseEntity<String> send(HttpMethod method, URI service, String pathAndQuery, String text,
            MediaType type, Authentication caller) {
        return exchange(http.method(method).uri(URI.create(service + pathAndQuery))
                .headers(credentialsOf(caller))
                .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON)
                .contentType(type).body(text), service);
    }

    private static ResponseEntity<String> exchange(RestClient.RequestBodySpec request, URI service) {
        try {
            return request.exchange((sent, answer) -> {
                MediaType type = answer.getHeaders().getContentType();
                String text = new String(answer.getBody().readAllBytes(), StandardCharsets.UTF_8);
                ResponseEntity.BodyBuilder reply = ResponseEntity.status(answer.getStatusCode());
                return type == null ? reply.body(text) : reply.contentType(type).body(text);
            });
        } catch (ResourceAccessException e) {
            throw new UnavailableException(service.getHost() + ":" + service.getPort() + " is not reachable");
        }
    }

    /** The caller's own credentials for the service: API key or bearer token, as they signed in. */
    private Consumer<HttpHeaders> credentialsOf(Authentication caller) {
        if (caller.getCredentials() instanceof UserCredentials credentials) {
            return headers -> headers.set(API_KEY, credentials.apiKey());
        }
        AccessTokens tokens = accessTokens.getIfAvailable();
        if (caller instanceof OAuth2AuthenticationToken signedIn && tokens != null) {
            String token = tokens.of(signedIn);
            return headers -> headers.setBearerAuth(token);
        }
        throw new UnauthenticatedException("Not signed in", "Sign in to the console first");
    }
}
