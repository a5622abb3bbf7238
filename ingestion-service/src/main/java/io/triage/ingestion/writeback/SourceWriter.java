package io.triage.ingestion.writeback;

import java.net.URI;
import java.util.List;

import io.triage.ingestion.config.IngestionProperties.Source;
import io.triage.ingestion.mapping.WriteBackPlan;
import io.triage.ingestion.sync.SourceClients;
import io.triage.ingestion.ticket.TicketSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/**
 * A ticketing system's write-back client: sends a plan's requests (exactly as {@link SourceWrites} makes them) and
 * looks for a note holding a marker. One call each, no retry: {@link WriteBackDelivery} decides what is retried. The
 * HTTP setup (base URL, timeouts) and the credentials are the pull connectors'.
 */
abstract class SourceWriter {

    protected final RestClient client;
    private final String baseUrl;

    SourceWriter(TicketSource source, Source settings) {
        this.client = SourceClients.of(source.tag(), settings);
        String base = String.valueOf(settings.baseUrl());
        this.baseUrl = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    abstract TicketSource source();

    /** The {@code Authorization} header of the next call. */
    abstract String authorization();

    /** Whether a note holding {@code plan.marker()} is already on the ticket. */
    abstract boolean hasNote(WriteBackPlan plan);

    /** The plan's requests, with or without its note. */
    List<PlannedRequest> requests(WriteBackPlan plan, boolean withNote) {
        return SourceWrites.requests(plan, null, withNote);
    }

    void send(PlannedRequest request) {
        client.method(HttpMethod.valueOf(request.method())).uri(uri(request.path()))
                .header(HttpHeaders.AUTHORIZATION, authorization())
                .contentType(MediaType.APPLICATION_JSON).body(request.body())
                .retrieve().toBodilessEntity();
    }

    protected JsonNode get(String pathAndQuery) {
        JsonNode body = client.get().uri(uri(pathAndQuery)).header(HttpHeaders.AUTHORIZATION, authorization())
                .accept(MediaType.APPLICATION_JSON).retrieve().body(JsonNode.class);
        if (body == null) {
            throw new IllegalStateException(source().tag() + " answered " + pathAndQuery + " without a body");
        }
        return body;
    }

    /** The path (already encoded) under the base URL, taken as it is rather than as a URI template. */
    protected URI uri(String pathAndQuery) {
        return URI.create(pathAndQuery.startsWith("http") ? pathAndQuery : baseUrl + pathAndQuery);
    }

    /** Whether any string value in {@code node} (at any depth) contains the marker. */
    protected static boolean holds(JsonNode node, String marker) {
        if (node.isString()) {
            return node.asString().contains(marker);
        }
        for (JsonNode child : node) {
            if (holds(child, marker)) {
                return true;
            }
        }
        return false;
    }
}
