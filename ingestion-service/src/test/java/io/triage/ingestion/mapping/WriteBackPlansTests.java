package io.triage.ingestion.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.triage.ingestion.flow.TicketDecision;
import io.triage.ingestion.ticket.Ticket;
import io.triage.ingestion.ticket.TicketSource;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What a decision writes back under a mapping, per level. */
class WriteBackPlansTests {

    static final String ZENDESK = """
            levels:
              default: suggest
              departments:
                Billing: automate
                Security: preselect
            departments:
              Billing: {group_id: 360001, tags: [billing]}
              Security: {group_id: 360002}
            urgencies:
              Critical: {priority: urgent}
              High: {priority: high}
              Medium: {priority: normal}
              Low: {priority: low}
            review: {tags: [triage_review]}
            tags: [auto_triaged]
            """;

    final FieldMapping mapping = new MappingParser().parse(TicketSource.ZENDESK, ZENDESK,
            MappingParserTests.TAXONOMY).mapping();
    final UUID decisionId = UUID.randomUUID();
    final Ticket ticket = new Ticket(UUID.randomUUID(), TicketSource.ZENDESK, "4711", "cust-secret-42", "email",
            "Refund", "my card 4111 was charged twice", Instant.now(), Instant.now());

    TicketDecision decision(String method, String department, String answer) {
        JsonNode json = JsonMapper.builder().build().readTree(answer);
        return new TicketDecision(ticket.id(), Instant.now(), TicketDecision.DECIDED, decisionId, method,
                department, department == null ? null : "High", department == null ? null : "Negative",
                department == null ? null : 0.91, "tfidf-lr-3", "7", json, null, Instant.now());
    }

    WriteBackPlan plan(TicketDecision decision) {
        return WriteBackPlans.of(mapping, 3, ticket, decision).orElseThrow();
    }

    static final String RULE_ANSWER = """
            {"explanation":{"summary":"rule","matchedRule":"refund-rule","matchedText":"charged twice",
             "similarTickets":[{"ticketId":"t-1","similarity":0.951}]},
             "alternatives":[{"label":"Billing","confidence":0.91},{"label":"Security","confidence":0.05}]}
            """;

    @Test
    void automateSetsDepartmentAndUrgencyFieldsAndTags() {
        WriteBackPlan plan = plan(decision("RULE", "Billing", RULE_ANSWER));

        assertThat(plan.level()).isEqualTo(WriteBackLevel.AUTOMATE);
        assertThat(plan.fields()).isEqualTo(Map.of("group_id", 360001L, "priority", "high"));
        assertThat(plan.tags()).containsExactly("billing", "auto_triaged");
        assertThat(plan.mappingVersion()).isEqualTo(3);
        assertThat(plan.externalId()).isEqualTo("4711");
        assertThat(plan.note()).contains("set department Billing and urgency High").contains("RULE")
                .contains("0.91").contains("refund-rule (matched \"charged twice\")").contains("t-1 (0.95)")
                .endsWith(WriteBackPlan.markerOf(decisionId));
    }

    @Test
    void preselectSetsFieldsAndSaysTheyAreASuggestion() {
        WriteBackPlan plan = plan(decision("ML", "Security", "{}"));

        assertThat(plan.level()).isEqualTo(WriteBackLevel.PRESELECT);
        assertThat(plan.fields()).isEqualTo(Map.of("group_id", 360002L, "priority", "high"));
        assertThat(plan.note()).contains("suggestion").contains("confirm");
    }

    @Test
    void suggestSetsNoFieldAndNamesTheDepartmentInTheNote() {
        WriteBackPlan plan = plan(decision("ML", "Technical", "{}"));

        assertThat(plan.level()).isEqualTo(WriteBackLevel.SUGGEST);
        assertThat(plan.fields()).isEmpty();
        assertThat(plan.tags()).as("a suggestion writes the note only").isEmpty();
        assertThat(plan.note()).contains("suggests department Technical and urgency High");
    }

    @Test
    void aDecisionForReviewGetsTheReviewTagAndTheTopThreeCandidatesOnly() {
        WriteBackPlan plan = plan(decision("NEEDS_REVIEW", null, """
                {"candidates":{"department":[{"label":"Billing","confidence":0.41},{"label":"Security",
                 "confidence":0.32},{"label":"Technical","confidence":0.2},{"label":"Other","confidence":0.07}]}}
                """));

        assertThat(plan.level()).isEqualTo(WriteBackLevel.REVIEW);
        assertThat(plan.department()).isNull();
        assertThat(plan.fields()).isEmpty();
        assertThat(plan.tags()).containsExactly("triage_review", "auto_triaged");
        assertThat(plan.note()).contains("a human must decide")
                .contains("Billing (0.41), Security (0.32), Technical (0.20)").doesNotContain("Other");
    }

    @Test
    void theNoteHoldsNoCustomerIdAndNoTicketText() {
        WriteBackPlan plan = plan(decision("RULE", "Billing", RULE_ANSWER));

        assertThat(plan.note()).doesNotContain("cust-secret-42").doesNotContain("4111").doesNotContain("Refund");
    }

    @Test
    void importsRefusalsAndOtherSourcesAreNotWrittenBack() {
        Ticket imported = new Ticket(ticket.id(), TicketSource.IMPORT, "x", null, null, "s", "d", Instant.now(),
                Instant.now());
        TicketDecision refused = new TicketDecision(ticket.id(), Instant.now(), TicketDecision.REFUSED, null, null,
                null, null, null, null, null, null, null, "400 unknown channel", Instant.now());
        Ticket jira = new Ticket(ticket.id(), TicketSource.JIRA, "10001", null, null, "s", "d", Instant.now(),
                Instant.now());

        assertThat(WriteBackPlans.of(mapping, 1, imported, decision("ML", "Billing", "{}"))).isEqualTo(Optional.empty());
        assertThat(WriteBackPlans.of(mapping, 1, ticket, refused)).isEmpty();
        assertThat(WriteBackPlans.of(mapping, 1, jira, decision("ML", "Billing", "{}"))).isEmpty();
    }
}
