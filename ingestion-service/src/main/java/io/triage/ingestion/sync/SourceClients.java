package io.triage.ingestion.sync;

import java.net.http.HttpClient;

import io.triage.ingestion.config.IngestionProperties.Source;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/** The HTTP client of one ticketing system: its base URL and its connect and read timeouts. */
final class SourceClients {

    private SourceClients() {
    }

    static RestClient of(String name, Source settings) {
        if (settings.baseUrl() == null) {
            throw new IllegalStateException("triage.ingestion.sources." + name + ".base-url is required when the "
                    + "source is enabled");
        }
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout()).build());
        requests.setReadTimeout(settings.readTimeout());
        return RestClient.builder().baseUrl(settings.baseUrl().toString()).requestFactory(requests).build();
    }
}
