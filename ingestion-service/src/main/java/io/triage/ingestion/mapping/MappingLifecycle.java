package io.triage.ingestion.mapping;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import io.triage.ingestion.flow.TicketDecision;
import io.triage.ingestion.flow.TicketDecisions;
import io.triage.ingestion.ticket.Ticket;
import io.triage.ingestion.ticket.TicketRepository;
import io.triage.ingestion.ticket.TicketSource;
import io.triage.platform.problem.ConflictException;
import io.triage.platform.problem.NotFoundException;
import io.triage.platform.problem.ProblemException;
import io.triage.platform.problem.UnavailableException;
import io.triage.platform.problem.UnusableInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Draft → check → publish (atomic, refused when invalid) → rollback, per source, like rules-engine's rule sets; and
 * the dry run of a version on a ticket's stored decision.
 */
@Service
public class MappingLifecycle {

    private final MappingStore store;
    private final MappingParser parser = new MappingParser();
    private final DeploymentTaxonomy taxonomy;
    private final PublishedMappings published;
    private final TicketRepository tickets;
    private final TicketDecisions decisions;
    private final MeterRegistry meters;

    MappingLifecycle(MappingStore store, DeploymentTaxonomy taxonomy, PublishedMappings published,
            TicketRepository tickets, TicketDecisions decisions, MeterRegistry meters) {
        this.store = store;
        this.taxonomy = taxonomy;
        this.published = published;
        this.tickets = tickets;
        this.decisions = decisions;
        this.meters = meters;
    }

    /**
     * A saved draft and what is wrong with it.
     *
     * @param version  the draft's version number
     * @param valid    whether it would publish now
     * @param problems what is wrong, with line and column
     * @param warnings what could not be checked (the taxonomy, when classify-service is down)
     */
    public record DraftReport(int version, boolean valid, List<MappingProblem> problems, List<String> warnings) {
    }

    /**
     * A plan made without writing anything.
     *
     * <p>The wire requests are added by the API (package {@code writeback} depends on this one, not the reverse).
     *
     * @param version the mapping version used
     * @param state   its state (a draft may be tried before it is published)
     * @param plan    what the write-back would do
     */
    public record DryRun(int version, String state, WriteBackPlan plan) {
    }

    public Optional<MappingVersion> published(TicketSource source) {
        return store.published(source);
    }

    public Optional<MappingVersion> draft(TicketSource source) {
        return store.draft(source);
    }

    public List<MappingVersion> versions(TicketSource source) {
        return store.versions(source);
    }

    public List<MappingActivation> activations(TicketSource source) {
        return store.activations(source);
    }

    /**
     * Saves the draft, whatever its problems (it is work in progress), and reports them. Without classify-service
     * the departments and urgencies are not checked, which the report says.
     */
    public DraftReport saveDraft(TicketSource source, String yaml, String by) {
        Optional<Taxonomy> labels = taxonomy.current();
        MappingReport report = parser.parse(source, yaml, labels.orElse(null));
        MappingVersion draft = store.saveDraft(source, yaml, by);
        List<String> warnings = labels.isPresent() ? List.of() : List.of("classify-service could not be reached: "
                + "departments and urgencies were not checked against the taxonomy; publishing needs it");
        return new DraftReport(draft.version(), report.valid(), report.problems(), warnings);
    }

    /** Publishes the draft once it passes every check against the current taxonomy (422 with the problems if not). */
    public MappingVersion publish(TicketSource source, String by, String reason) {
        try {
            MappingVersion draft = store.draft(source).orElseThrow(() -> new ConflictException("There is no draft "
                    + "of the " + source.tag() + " mapping to publish; PUT /mappings/" + source.tag() + " first"));
            MappingReport report = parser.parse(source, draft.yaml(), taxonomy.require());
            if (!report.valid()) {
                throw invalid(report.problems());
            }
            MappingVersion version = store.publishDraft(source, draft.version(), draft.yaml(), by, reason);
            published.forget(source);
            count(source, "published");
            return version;
        } catch (ProblemException e) {
            count(source, switch (e) {
                case UnusableInputException _ -> "invalid";
                case UnavailableException _ -> "unavailable";
                default -> "refused";
            });
            throw e;
        }
    }

    /** Puts an earlier version in use again. Not checked against the taxonomy: a rollback must work when it is down. */
    public MappingVersion rollback(TicketSource source, int version, String by, String reason) {
        try {
            MappingVersion rolledBack = store.rollback(source, version, by, reason);
            published.forget(source);
            count(source, "rolled_back");
            return rolledBack;
        } catch (ProblemException e) {
            count(source, "refused");
            throw e;
        }
    }

    /**
     * What the ticket's stored decision would write back under a version: the given one, else the draft, else the
     * published one. Writes nothing.
     */
    public DryRun dryRun(TicketSource source, UUID ticketId, @Nullable Integer version) {
        MappingVersion chosen = chosen(source, version);
        Ticket ticket = tickets.find(ticketId).orElseThrow(() -> new NotFoundException("No ticket " + ticketId));
        TicketDecision decision = decisions.find(ticketId).orElseThrow(
                () -> new NotFoundException("Ticket " + ticketId + " has no decision (yet)"));
        if (TicketDecision.REFUSED.equals(decision.status())) {
            throw new ConflictException("classify-service refused ticket " + ticketId + " (" + decision.problem()
                    + "): there is nothing to write back");
        }
        if (ticket.source() != source) {
            throw new ConflictException("Ticket " + ticketId + " comes from " + ticket.source().tag() + ", not from "
                    + source.tag() + ": only " + source.tag() + " tickets are written back with this mapping");
        }
        MappingReport report = parser.parse(source, chosen.yaml(), null);
        if (report.mapping() == null) {
            throw invalid(report.problems());
        }
        WriteBackPlan plan = WriteBackPlans.of(report.mapping(), chosen.version(), ticket, decision).orElseThrow(
                () -> new ConflictException("Ticket " + ticketId + "'s decision is not written back"));
        return new DryRun(chosen.version(), chosen.state(), plan);
    }

    private MappingVersion chosen(TicketSource source, @Nullable Integer version) {
        if (version != null) {
            return store.version(source, version).orElseThrow(() -> new NotFoundException(
                    "The " + source.tag() + " mapping has no version " + version));
        }
        return store.draft(source).or(() -> store.published(source)).orElseThrow(() -> new NotFoundException(
                "The " + source.tag() + " mapping has neither a draft nor a published version"));
    }

    private static ProblemException invalid(List<MappingProblem> problems) {
        MappingProblem first = problems.getFirst();
        return new UnusableInputException("Invalid field mapping", problems.size() + " problem(s) in the mapping; "
                + "the first, at line " + first.line() + ": " + first.message())
                .with("field", first.field()).with("line", first.line()).with("column", first.column())
                .with("errors", problems);
    }

    private void count(TicketSource source, String outcome) {
        meters.counter("ingestion_mapping_publishes_total", "source", source.tag(), "outcome", outcome).increment();
    }
}
