package io.triage.ingestion.writeback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.triage.ingestion.mapping.WriteBackLevel;
import io.triage.ingestion.mapping.WriteBackPlan;
import io.triage.ingestion.ticket.TicketSource;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/** A plan's wire requests per source, as the dry run shows them and the clients send them. */
class SourceWritesTests {

    static final UUID DECISION = UUID.fromString("6f1d1c1e-0000-4000-8000-000000000001");
    static final String MARKER = WriteBackPlan.markerOf(DECISION);
    static final String NOTE = "Triage: Billing, High\n" + MARKER;

    static WriteBackPlan plan(TicketSource source, String externalId, Map<String, Object> fields, List<String> tags) {
        return new WriteBackPlan(source, externalId, DECISION, 3, WriteBackLevel.AUTOMATE, "Billing", "High", fields,
                tags, NOTE, MARKER);
    }

    @Test
    void serviceNowPatchesTheIncidentWithStringValuesAndTheNoteAsAWorkNote() {
        List<PlannedRequest> requests = SourceWrites.requests(plan(TicketSource.SERVICENOW, "a1b2",
                Map.of("assignment_group", "grp-1", "urgency", 1), List.of()), null, true);

        assertThat(requests).singleElement().satisfies(request -> {
            assertThat(request.method()).isEqualTo("PATCH");
            assertThat(request.path()).isEqualTo("/api/now/table/incident/a1b2");
            assertThat(request.body()).containsExactlyInAnyOrderEntriesOf(Map.of("assignment_group", "grp-1",
                    "urgency", "1", "work_notes", NOTE));
        });
    }

    @Test
    void zendeskPutsFieldsWithAPrivateCommentThenAddsTagsThroughTheTagsEndpoint() {
        List<PlannedRequest> requests = SourceWrites.requests(plan(TicketSource.ZENDESK, "35436",
                Map.of("group_id", "98738", "priority", "high"), List.of("triage_billing")), null, true);

        assertThat(requests).extracting(PlannedRequest::method, PlannedRequest::path).containsExactly(
                Tuple.tuple("PUT", "/api/v2/tickets/35436.json"),
                Tuple.tuple("PUT", "/api/v2/tickets/35436/tags.json"));
        assertThat(requests.get(0).body()).isEqualTo(Map.of("ticket", Map.of("group_id", 98738L, "priority", "high",
                "comment", Map.of("body", NOTE, "public", false))));
        assertThat(requests.get(0).body().toString()).doesNotContain("tags");
        assertThat(requests.get(1).body()).isEqualTo(Map.of("tags", List.of("triage_billing")));
    }

    @Test
    void jiraSetsFieldsInTheirShapesAddsLabelsAndPostsAnInternalAdfComment() {
        List<PlannedRequest> requests = SourceWrites.requests(plan(TicketSource.JIRA, "10042",
                Map.of("priority", "High", "assignee", "acc-1", "components", List.of("Billing"), "team", "t-42",
                        "customfield_10050", "gold"), List.of("triaged")), "customfield_10001", true);

        assertThat(requests).hasSize(2);
        PlannedRequest edit = requests.get(0);
        assertThat(edit.method() + " " + edit.path()).isEqualTo("PUT /rest/api/3/issue/10042");
        assertThat(edit.body()).isEqualTo(Map.of(
                "fields", Map.of("priority", Map.of("name", "High"), "assignee", Map.of("accountId", "acc-1"),
                        "components", List.of(Map.of("name", "Billing")), "customfield_10001", "t-42",
                        "customfield_10050", "gold"),
                "update", Map.of("labels", List.of(Map.of("add", "triaged")))));
        PlannedRequest comment = requests.get(1);
        assertThat(comment.method() + " " + comment.path()).isEqualTo("POST /rest/api/3/issue/10042/comment");
        assertThat(comment.body().get("properties"))
                .isEqualTo(List.of(Map.of("key", "sd.public.comment", "value", Map.of("internal", true))));
        assertThat(comment.body().get("body")).isEqualTo(Map.of("type", "doc", "version", 1, "content", List.of(
                Map.of("type", "paragraph", "content", List.of(Map.of("type", "text", "text", "Triage: Billing, High"))),
                Map.of("type", "paragraph", "content", List.of(Map.of("type", "text", "text", MARKER))))));
    }

    @Test
    void aPlanWithoutFieldsOrTagsWritesTheNoteOnly() {
        for (TicketSource source : List.of(TicketSource.SERVICENOW, TicketSource.ZENDESK, TicketSource.JIRA)) {
            List<PlannedRequest> requests = SourceWrites.requests(plan(source, "1", Map.of(), List.of()), null, true);
            assertThat(requests).as(source.tag()).singleElement()
                    .satisfies(request -> assertThat(request.body().toString()).contains(MARKER));
        }
    }

    @Test
    void withoutTheNoteOnlyFieldsAndTagsAreSentAndNothingWhenThereAreNone() {
        assertThat(SourceWrites.requests(plan(TicketSource.JIRA, "10042", Map.of("priority", "High"),
                List.of("triaged")), null, false)).singleElement()
                .satisfies(request -> assertThat(request.path()).isEqualTo("/rest/api/3/issue/10042"));
        assertThat(SourceWrites.requests(plan(TicketSource.SERVICENOW, "a1b2", Map.of("urgency", "2"), List.of()),
                null, false)).singleElement().satisfies(request -> assertThat(request.body())
                .isEqualTo(Map.of("urgency", "2")));
        assertThat(SourceWrites.requests(plan(TicketSource.ZENDESK, "1", Map.of(), List.of()), null, false)).isEmpty();
    }

    @Test
    void aJiraTeamWithoutTheSitesTeamFieldCannotBeWritten() {
        assertThatThrownBy(() -> SourceWrites.requests(plan(TicketSource.JIRA, "10042", Map.of("team", "t-42"),
                List.of()), null, true)).isInstanceOf(UnwritablePlanException.class).hasMessageContaining("Team");
    }

    @Test
    void idsAreEncodedAsPathSegments() {
        assertThat(SourceWrites.requests(plan(TicketSource.JIRA, "SUP/1", Map.of(), List.of()), null, true))
                .singleElement().satisfies(request -> assertThat(request.path())
                        .isEqualTo("/rest/api/3/issue/SUP%2F1/comment"));
    }

    @Test
    void theDryRunShowsTheNoteAndAJiraTeamUnderItsOwnName() {
        assertThat(SourceWrites.requests(plan(TicketSource.JIRA, "10042", Map.of("team", "t-42"), List.of())))
                .extracting(PlannedRequest::body).first()
                .isEqualTo(Map.of("fields", Map.of("team", "t-42")));
    }
}
