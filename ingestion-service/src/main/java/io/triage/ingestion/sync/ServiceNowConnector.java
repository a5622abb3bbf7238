package io.triage.ingestion.sync;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.function.Function;

import io.triage.ingestion.config.IngestionProperties.Source;
import io.triage.ingestion.source.ServiceNowTickets;
import io.triage.ingestion.source.SourceTicket;
import io.triage.ingestion.ticket.TicketSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/**
 * ServiceNow Table API: {@code GET /api/now/table/incident} with
 * {@code sysparm_query=sys_updated_on>=<watermark − overlap>^ORDERBYsys_updated_on}, paged by
 * {@code sysparm_offset} while the {@code Link} header names a next page. Bearer token from OAuth; a 401 renews the
 * token once and repeats the call.
 */
final class ServiceNowConnector implements SourceConnector {

    /** Page fetches run ahead of the pull's own thread, one at a time per pull. */
    private static final Executor FETCHES = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("servicenow-page-fetch").factory());

    private final Source settings;
    private final ServiceNowTickets tickets;
    private final Clock clock;
    private final RestClient client;
    private final SourceCalls calls;
    private final ServiceNowTokens tokens;

    ServiceNowConnector(Source settings, ServiceNowTickets tickets, Clock clock) {
        this.settings = settings;
        this.tickets = tickets;
        this.clock = clock;
        this.client = SourceClients.of("servicenow", settings);
        this.calls = new SourceCalls("servicenow", settings);
        this.tokens = new ServiceNowTokens(client, settings, calls, clock);
    }

    @Override
    public TicketSource source() {
        return TicketSource.SERVICENOW;
    }

    @Override
    public void pull(Watermark from, PageSink sink) {
        Instant since = from.updatedUpto() == null ? clock.instant().minus(settings.initialLookback())
                : from.updatedUpto().minus(settings.overlap());
        String query = "sys_updated_on>=" + ServiceNowTickets.GLIDE.withZone(settings.queryZone()).format(since)
                + (settings.query().isBlank() ? "" : "^" + settings.query()) + "^ORDERBYsys_updated_on";
        // The next page is fetched while this one is stored: the offset is known in advance, and a page fetched
        // that turns out not to be needed is dropped.
        int offset = 0;
        CompletableFuture<ResponseEntity<JsonNode>> next = fetch(query, offset);
        for (int page = 0; page < settings.maxPages(); page++) {
            ResponseEntity<JsonNode> response = join(next);
            JsonNode rows = response.getBody() == null ? null : response.getBody().path("result");
            if (rows == null || !rows.isArray() || rows.isEmpty()) {
                return;
            }
            List<SourceTicket> stored = new ArrayList<>();
            Instant newest = from.updatedUpto();
            for (int i = 0; i < rows.size(); i++) {
                JsonNode row = rows.get(i);
                String path = "result[" + i + "].";
                Pages.add(stored, () -> tickets.normalise(row, path));
            }
            for (SourceTicket ticket : stored) {
                newest = Pages.newest(newest, ticket);
            }
            // Pages can come back short (the limit applies before ACLs), so the Link header decides, not the size.
            boolean more = Pages.hasNextLink(response.getHeaders(), rows.size(), settings.pageSize())
                    && page + 1 < settings.maxPages();
            if (more) {
                next = fetch(query, offset + settings.pageSize());
            }
            sink.accept(stored, new Watermark(newest, null));
            if (!more) {
                return;
            }
            offset += settings.pageSize();
        }
    }

    private CompletableFuture<ResponseEntity<JsonNode>> fetch(String query, int offset) {
        return CompletableFuture.supplyAsync(() -> calls.call(() -> authorised(token -> client.get()
                .uri(uri -> uri.path("/api/now/table/incident")
                        .queryParam("sysparm_query", "{query}")
                        .queryParam("sysparm_limit", settings.pageSize())
                        .queryParam("sysparm_offset", offset)
                        .queryParam("sysparm_display_value", "false")
                        .queryParam("sysparm_exclude_reference_link", "true")
                        .build(Map.of("query", query)))
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .retrieve().toEntity(JsonNode.class))), FETCHES);
    }

    /** The page, or the fetch's own failure (not wrapped), as if it had been fetched on this thread. */
    private static ResponseEntity<JsonNode> join(CompletableFuture<ResponseEntity<JsonNode>> page) {
        try {
            return page.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw e;
        }
    }

    private <T> T authorised(Function<String, T> call) {
        String token = tokens.access();
        try {
            return call.apply(token);
        } catch (HttpClientErrorException.Unauthorized e) {
            return call.apply(tokens.renewAfter(token));
        }
    }
}
