package io.triage.ingestion.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.triage.ingestion.config.IngestionProperties.Source;
import io.triage.ingestion.source.SourceTicket;
import io.triage.ingestion.source.ZendeskTickets;
import io.triage.ingestion.ticket.TicketSource;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/**
 * Zendesk incremental cursor export: {@code GET /api/v2/incremental/tickets/cursor.json?start_time=} on the first
 * run, then {@code ?cursor=<after_cursor>} until {@code end_of_stream}; the last {@code after_cursor} is kept to
 * resume from next time. API token auth ({@code email/token:token}). The export's own limit (10 requests/min) answers
 * 429 + {@code Retry-After}, which {@link SourceCalls} honours.
 */
final class ZendeskConnector implements SourceConnector {

    /** {@code start_time} must be at least a minute in the past. */
    private static final Duration EXPORT_LAG = Duration.ofSeconds(61);

    private final Source settings;
    private final ZendeskTickets tickets;
    private final Clock clock;
    private final RestClient client;
    private final SourceCalls calls;
    private final String authorization;

    ZendeskConnector(Source settings, ZendeskTickets tickets, Clock clock) {
        this.settings = settings;
        this.tickets = tickets;
        this.clock = clock;
        this.client = SourceClients.of("zendesk", settings);
        this.calls = new SourceCalls("zendesk", settings);
        this.authorization = SourceClients.zendeskAuthorization(settings);
    }

    @Override
    public TicketSource source() {
        return TicketSource.ZENDESK;
    }

    @Override
    public void pull(Watermark from, PageSink sink) {
        String cursor = from.cursor();
        long startTime = startTime(from);
        Instant newest = from.updatedUpto();
        for (int page = 0; page < settings.maxPages(); page++) {
            String at = cursor;
            JsonNode body = calls.call(() -> client.get()
                    .uri(uri -> {
                        uri.path("/api/v2/incremental/tickets/cursor.json").queryParam("per_page", settings.pageSize());
                        return at == null ? uri.queryParam("start_time", startTime).build()
                                : uri.queryParam("cursor", "{cursor}").build(at);
                    })
                    .header(HttpHeaders.AUTHORIZATION, authorization)
                    .retrieve().body(JsonNode.class));
            if (body == null) {
                return;
            }
            List<SourceTicket> stored = new ArrayList<>();
            JsonNode rows = body.path("tickets");
            for (int i = 0; i < rows.size(); i++) {
                JsonNode row = rows.get(i);
                String path = "tickets[" + i + "].";
                Pages.add(stored, () -> tickets.normalise(row, path));
            }
            for (SourceTicket ticket : stored) {
                newest = Pages.newest(newest, ticket);
            }
            String after = text(body.path("after_cursor"));
            sink.accept(stored, new Watermark(newest, after));
            if (body.path("end_of_stream").asBoolean(true) || after == null) {
                return;
            }
            cursor = after;
        }
    }

    private long startTime(Watermark from) {
        Instant latest = clock.instant().minus(EXPORT_LAG);
        Instant start = from.updatedUpto() == null ? clock.instant().minus(settings.initialLookback())
                : from.updatedUpto().minus(settings.overlap());
        return (start.isAfter(latest) ? latest : start).getEpochSecond();
    }

    private static @Nullable String text(JsonNode node) {
        return node.isString() && !node.asString().isEmpty() ? node.asString() : null;
    }
}
