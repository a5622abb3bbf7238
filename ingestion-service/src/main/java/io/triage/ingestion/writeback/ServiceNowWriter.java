package io.triage.ingestion.writeback;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.function.Supplier;

import io.triage.ingestion.config.IngestionProperties.Source;
import io.triage.ingestion.mapping.WriteBackPlan;
import io.triage.ingestion.sync.ServiceNowTokens;
import io.triage.ingestion.sync.SourceCalls;
import io.triage.ingestion.ticket.TicketSource;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.util.UriUtils;
import tools.jackson.databind.JsonNode;

/**
 * ServiceNow: the incident {@code PATCH} (fields and {@code work_notes}); work notes are read back from
 * {@code sys_journal_field}. Bearer token from the pull's OAuth client; a 401 renews the token once and repeats the
 * call, a second 401 is the write-back's failure.
 */
final class ServiceNowWriter extends SourceWriter {

    private final ServiceNowTokens tokens;
    /** The token of the call in flight on this thread, so a 401 renews exactly that one. */
    private final ThreadLocal<String> current = new ThreadLocal<>();

    ServiceNowWriter(Source settings, Clock clock) {
        super(TicketSource.SERVICENOW, settings);
        this.tokens = new ServiceNowTokens(client, settings, new SourceCalls("servicenow-writeback", settings), clock);
    }

    @Override
    TicketSource source() {
        return TicketSource.SERVICENOW;
    }

    @Override
    String authorization() {
        String token = current.get();
        return "Bearer " + (token != null ? token : tokens.access());
    }

    @Override
    boolean hasNote(WriteBackPlan plan) {
        String query = "element_id=" + plan.externalId() + "^element=work_notes";
        JsonNode rows = authorised(() -> get("/api/now/table/sys_journal_field?sysparm_fields=value&sysparm_query="
                + UriUtils.encodeQueryParam(query, StandardCharsets.UTF_8))).path("result");
        for (JsonNode row : rows) {
            if (holds(row.path("value"), plan.marker())) {
                return true;
            }
        }
        return false;
    }

    @Override
    void send(PlannedRequest request) {
        authorised(() -> {
            super.send(request);
            return null;
        });
    }

    private <T> T authorised(Supplier<T> call) {
        String token = tokens.access();
        current.set(token);
        try {
            return call.get();
        } catch (HttpClientErrorException.Unauthorized e) {
            current.set(tokens.renewAfter(token));
            return call.get();
        } finally {
            current.remove();
        }
    }
}
