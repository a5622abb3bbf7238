package io.triage.ingestion.api;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.triage.ingestion.config.IngestionProperties;
import io.triage.ingestion.ticket.TicketSource;
import io.triage.ingestion.writeback.WriteBack;
import io.triage.ingestion.writeback.WriteBackReplays;
import io.triage.ingestion.writeback.WriteBackState;
import io.triage.ingestion.writeback.WriteBacks;
import io.triage.platform.problem.InvalidInputException;
import io.triage.platform.problem.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Write-backs (role ops): {@code GET /writebacks?state=&source=&limit=} newest first, {@code GET /writebacks/{id}},
 * {@code POST /writebacks/{id}/replay} (a dead letter only; 409 otherwise) and {@code GET /tickets/{id}/writeback}
 * (the ticket's newest).
 */
@RestController
@PreAuthorize("hasRole('OPS')")
class WriteBackController {

    private static final List<TicketSource> WRITABLE = List.of(TicketSource.SERVICENOW, TicketSource.ZENDESK,
            TicketSource.JIRA);

    private final WriteBacks writeBacks;
    private final WriteBackReplays replays;
    private final IngestionProperties properties;

    WriteBackController(WriteBacks writeBacks, WriteBackReplays replays, IngestionProperties properties) {
        this.writeBacks = writeBacks;
        this.replays = replays;
        this.properties = properties;
    }

    @GetMapping("/writebacks")
    List<WriteBack> list(@RequestParam(required = false) @Nullable String state,
            @RequestParam(required = false) @Nullable String source,
            @RequestParam(required = false) @Nullable Integer limit) {
        return writeBacks.recent(state(state), source(source), PageSize.of(limit, properties));
    }

    @GetMapping("/writebacks/{id}")
    WriteBack one(@PathVariable UUID id) {
        return writeBacks.find(id).orElseThrow(() -> new NotFoundException("No write-back " + id));
    }

    @PostMapping("/writebacks/{id}/replay")
    @ResponseStatus(HttpStatus.ACCEPTED)
    WriteBack replay(@PathVariable UUID id) {
        return replays.replay(id);
    }

    @GetMapping("/tickets/{ticketId}/writeback")
    WriteBack ofTicket(@PathVariable UUID ticketId) {
        return writeBacks.newestOf(ticketId).orElseThrow(
                () -> new NotFoundException("Ticket " + ticketId + " has no write-back (yet)"));
    }

    private static @Nullable WriteBackState state(@Nullable String state) {
        if (state == null || state.isBlank()) {
            return null;
        }
        for (WriteBackState known : WriteBackState.values()) {
            if (known.name().equalsIgnoreCase(state.strip())) {
                return known;
            }
        }
        throw new InvalidInputException("state", "state must be failed, pending or succeeded");
    }

    private static @Nullable TicketSource source(@Nullable String source) {
        if (source == null || source.isBlank()) {
            return null;
        }
        String tag = source.strip().toLowerCase(Locale.ROOT);
        return WRITABLE.stream().filter(s -> s.tag().equals(tag)).findFirst().orElseThrow(
                () -> new InvalidInputException("source", "source must be servicenow, zendesk or jira"));
    }
}
