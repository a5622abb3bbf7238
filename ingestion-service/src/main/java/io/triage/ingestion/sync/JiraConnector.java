package io.triage.ingestion.sync;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.triage.ingestion.config.IngestionProperties.Source;
import io.triage.ingestion.source.JiraTickets;
import io.triage.ingestion.source.SourceTicket;
import io.triage.ingestion.ticket.TicketSource;
import org.springframework.http.HttpHeaders;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/**
 * Jira Cloud {@code GET /rest/api/3/search/jql} with {@code (<query>) AND updated >= "<watermark − overlap>" ORDER BY
 * updated ASC}, paged by {@code nextPageToken} (absent on the last page; {@code isLast} checked too). The fields are
 * always named, since the default set is unconfirmed. Basic auth with an API token.
 */
final class JiraConnector implements SourceConnector {

    private static final DateTimeFormatter JQL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final String FIELDS = "summary,description,priority,reporter,status,labels,issuetype,project,"
            + "created,updated";

    private final String fields;

    private final Source settings;
    private final JiraTickets tickets;
    private final Clock clock;
    private final RestClient client;
    private final SourceCalls calls;
    private final String authorization;

    JiraConnector(Source settings, JiraTickets tickets, Clock clock) {
        this.settings = settings;
        this.tickets = tickets;
        this.fields = FIELDS + "," + String.join(",", tickets.extraFields());
        this.clock = clock;
        this.client = SourceClients.of("jira", settings);
        this.calls = new SourceCalls("jira", settings);
        this.authorization = SourceClients.jiraAuthorization(settings);
    }

    @Override
    public TicketSource source() {
        return TicketSource.JIRA;
    }

    /** The configured restriction, parenthesised when it has an OR that the AND would otherwise bind into. */
    private static String scope(String query) {
        return query.toUpperCase(Locale.ROOT).contains(" OR ") ? "(" + query + ")" : query;
    }

    @Override
    public void pull(Watermark from, PageSink sink) {
        Instant since = from.updatedUpto() == null ? clock.instant().minus(settings.initialLookback())
                : from.updatedUpto().minus(settings.overlap());
        String window = "updated >= \"" + JQL_TIME.withZone(settings.queryZone()).format(since) + "\"";
        String jql = (settings.query().isBlank() ? window : scope(settings.query()) + " AND " + window)
                + " ORDER BY updated ASC";
        String token = null;
        Instant newest = from.updatedUpto();
        for (int page = 0; page < settings.maxPages(); page++) {
            String at = token;
            JsonNode body = calls.call(() -> client.get()
                    .uri(uri -> {
                        uri.path("/rest/api/3/search/jql").queryParam("jql", "{jql}")
                                .queryParam("maxResults", settings.pageSize()).queryParam("fields", fields);
                        if (at != null) {
                            uri.queryParam("nextPageToken", "{token}");
                        }
                        return uri.build(at == null ? Map.of("jql", jql) : Map.of("jql", jql, "token", at));
                    })
                    .header(HttpHeaders.AUTHORIZATION, authorization)
                    .retrieve().body(JsonNode.class));
            if (body == null) {
                return;
            }
            List<SourceTicket> stored = new ArrayList<>();
            JsonNode issues = body.path("issues");
            for (int i = 0; i < issues.size(); i++) {
                JsonNode issue = issues.get(i);
                String path = "issues[" + i + "].";
                Pages.add(stored, () -> tickets.normalise(issue, path));
            }
            for (SourceTicket ticket : stored) {
                newest = Pages.newest(newest, ticket);
            }
            sink.accept(stored, new Watermark(newest, null));
            JsonNode next = body.path("nextPageToken");
            if (body.path("isLast").asBoolean(false) || !next.isString() || next.asString().isEmpty()) {
                return;
            }
            token = next.asString();
        }
    }
}
