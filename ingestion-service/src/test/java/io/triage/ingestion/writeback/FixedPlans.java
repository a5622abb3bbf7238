package io.triage.ingestion.writeback;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.triage.ingestion.flow.TicketDecision;
import io.triage.ingestion.mapping.WriteBackLevel;
import io.triage.ingestion.mapping.WriteBackPlan;
import io.triage.ingestion.mapping.WriteBackPlanner;
import io.triage.ingestion.ticket.Ticket;
import io.triage.ingestion.ticket.TicketSource;

/**
 * A stand-in for the mapping store's planner (issue 16, part 2) until it is merged: one fixed mapping per source,
 * which a test can change (level, Zendesk priority, a Jira field the site refuses) as an operator would publish a new
 * mapping version. Imports and undecided tickets plan nothing, as the real planner does.
 */
class FixedPlans implements WriteBackPlanner {

    static final String SERVICENOW_GROUP = "287ebd7da9fe198100f92cc8d1d2154e";
    static final long ZENDESK_GROUP = 98739;
    static final String JIRA_TEAM = "team-42";

    private volatile WriteBackLevel level = WriteBackLevel.AUTOMATE;
    private volatile String zendeskPriority = "high";
    private volatile boolean jiraComponents;
    private volatile int version = 1;

    void reset() {
        level = WriteBackLevel.AUTOMATE;
        zendeskPriority = "high";
        jiraComponents = false;
        version = 1;
    }

    /** Publishes a mapping that writes only notes. */
    void suggestOnly() {
        level = WriteBackLevel.SUGGEST;
        version++;
    }

    void zendeskPriority(String priority) {
        zendeskPriority = priority;
        version++;
    }

    /** Maps Jira components too, a field the simulated site's edit screen refuses (400). */
    void jiraComponents() {
        jiraComponents = true;
        version++;
    }

    @Override
    public Optional<WriteBackPlan> plan(Ticket ticket, TicketDecision decision) {
        if (ticket.source() == TicketSource.IMPORT || decision.decisionId() == null
                || !TicketDecision.DECIDED.equals(decision.status())) {
            return Optional.empty();
        }
        WriteBackLevel level = this.level;
        boolean sets = level == WriteBackLevel.PRESELECT || level == WriteBackLevel.AUTOMATE;
        Map<String, Object> fields = new LinkedHashMap<>();
        List<String> tags = new ArrayList<>();
        if (sets) {
            switch (ticket.source()) {
                case SERVICENOW -> {
                    fields.put("assignment_group", SERVICENOW_GROUP);
                    fields.put("urgency", "1");
                }
                case ZENDESK -> {
                    fields.put("group_id", ZENDESK_GROUP);
                    fields.put("priority", zendeskPriority);
                    tags.add("triage_billing");
                }
                case JIRA -> {
                    fields.put("priority", "High");
                    fields.put("team", JIRA_TEAM);
                    if (jiraComponents) {
                        fields.put("components", List.of("Billing"));
                    }
                    tags.add("triaged");
                }
                case IMPORT -> throw new IllegalStateException("imports plan nothing");
            }
        }
        String marker = WriteBackPlan.markerOf(decision.decisionId());
        String note = "Triage (" + level.name().toLowerCase(Locale.ROOT) + "): " + decision.department()
                + ", urgency " + decision.urgency() + "\n" + marker;
        return Optional.of(new WriteBackPlan(ticket.source(), ticket.externalId(), decision.decisionId(), version,
                level, decision.department(), decision.urgency(), fields, tags, note, marker));
    }
}
