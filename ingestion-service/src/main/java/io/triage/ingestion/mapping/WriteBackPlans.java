package io.triage.ingestion.mapping;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.triage.ingestion.flow.TicketDecision;
import io.triage.ingestion.mapping.FieldMapping.Target;
import io.triage.ingestion.ticket.Ticket;
import io.triage.ingestion.ticket.TicketSource;
import org.jspecify.annotations.Nullable;

/** Makes the {@link WriteBackPlan} of a decision under one mapping version: the planner's and the dry run's rule. */
final class WriteBackPlans {

    static final String NEEDS_REVIEW = "NEEDS_REVIEW";

    private WriteBackPlans() {
    }

    /**
     * The plan; empty for an import, a decision that is not {@code DECIDED}, or a mapping of another source.
     */
    static Optional<WriteBackPlan> of(FieldMapping mapping, int version, Ticket ticket, TicketDecision decision) {
        UUID decisionId = decision.decisionId();
        if (ticket.source() == TicketSource.IMPORT || ticket.source() != mapping.source()
                || !TicketDecision.DECIDED.equals(decision.status()) || decisionId == null) {
            return Optional.empty();
        }
        String department = decision.department();
        boolean review = NEEDS_REVIEW.equals(decision.routingMethod()) || department == null;
        WriteBackLevel level = department == null || review ? WriteBackLevel.REVIEW : mapping.levelOf(department);
        Map<String, Object> fields = new LinkedHashMap<>();
        Set<String> tags = new LinkedHashSet<>();
        switch (level) {
            case REVIEW -> add(mapping.review(), fields, tags);
            case PRESELECT, AUTOMATE -> {
                add(department == null ? Target.NONE : mapping.departments().getOrDefault(department, Target.NONE),
                        fields, tags);
                add(urgency(mapping, decision.urgency()), fields, tags);
            }
            case SUGGEST -> {
                // a note only: no field, no department tag
            }
        }
        if (level != WriteBackLevel.SUGGEST) {
            // A suggestion writes a note and nothing else, not even the mapping's own tags.
            tags.addAll(mapping.tags());
        }
        String marker = WriteBackPlan.markerOf(decisionId);
        String note = NoteTemplate.render(mapping.noteFor(level), NoteValues.of(decision, level)) + "\n" + marker;
        return Optional.of(new WriteBackPlan(ticket.source(), ticket.externalId(), decisionId, version, level,
                review ? null : department, review ? null : decision.urgency(), fields,
                new ArrayList<>(tags), note, marker));
    }

    private static Target urgency(FieldMapping mapping, @Nullable String urgency) {
        return urgency == null ? Target.NONE : mapping.urgencies().getOrDefault(urgency, Target.NONE);
    }

    private static void add(Target target, Map<String, Object> fields, Set<String> tags) {
        fields.putAll(target.fields());
        tags.addAll(target.tags());
    }
}
