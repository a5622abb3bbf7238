package io.triage.ingestion.sync;

import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import io.triage.ingestion.config.IngestionProperties.Source;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * The HTTP client of one ticketing system (its base URL and its connect and read timeouts) and its API-token
 * authorisation: shared by the pull connectors here and the write-back clients.
 */
public final class SourceClients {

    private SourceClients() {
    }

    public static RestClient of(String name, Source settings) {
        if (settings.baseUrl() == null) {
            throw new IllegalStateException("triage.ingestion.sources." + name + ".base-url is required when the "
                    + "source is enabled");
        }
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout()).build());
        requests.setReadTimeout(settings.readTimeout());
        return RestClient.builder().baseUrl(settings.baseUrl().toString()).requestFactory(requests).build();
    }

    /** Zendesk API token auth: basic {@code email/token:token}. */
    public static String zendeskAuthorization(Source settings) {
        return basic(settings.username() + "/token", settings.password());
    }

    /** Jira Cloud API token auth: basic {@code email:api-token}. */
    public static String jiraAuthorization(Source settings) {
        return basic(settings.username(), settings.password());
    }

    private static String basic(String user, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }
}
