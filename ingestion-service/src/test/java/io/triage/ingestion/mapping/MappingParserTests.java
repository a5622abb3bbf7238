package io.triage.ingestion.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Map;

import io.triage.ingestion.ticket.TicketSource;
import org.junit.jupiter.api.Test;

/** Reading and checking mapping documents: every problem names its line, column and field. */
class MappingParserTests {

    static final Taxonomy TAXONOMY = Taxonomy.of(List.of("Billing", "Security", "Technical"),
            List.of("Critical", "High", "Medium", "Low"));

    static final String SERVICENOW = """
            levels:
              default: suggest
              departments:
                Billing: automate
                Security: preselect
            departments:
              Billing:
                assignment_group: 287ebd7da9fe198100f92cc8d1d2154e
                category: billing
              Security:
                assignment_group: 5f3e0c1a9fe198100f92cc8d1d2154e1
            urgencies:
              Critical: {urgency: "1", impact: "1"}
              High:     {urgency: "1", impact: "2"}
              Medium:   {urgency: "2", impact: "2"}
              Low:      {urgency: "3", impact: "3"}
            review:
              assignment_group: 9a1c0c1a9fe198100f92cc8d1d2154e2
            note: |
              Auto-triage ({level}): {department} / {urgency} by {method} ({confidence}).
            """;

    final MappingParser parser = new MappingParser();

    MappingReport parse(TicketSource source, String yaml) {
        return parser.parse(source, yaml, TAXONOMY);
    }

    @Test
    void aServiceNowMappingReadsIntoLevelsFieldsAndNotes() {
        MappingReport report = parse(TicketSource.SERVICENOW, SERVICENOW);

        assertThat(report.problems()).isEmpty();
        FieldMapping mapping = report.mapping();
        assertThat(mapping).isNotNull();
        assertThat(mapping.levelOf("Billing")).isEqualTo(WriteBackLevel.AUTOMATE);
        assertThat(mapping.levelOf("Technical")).isEqualTo(WriteBackLevel.SUGGEST);
        assertThat(mapping.departments().get("Billing").fields()).containsEntry("assignment_group",
                "287ebd7da9fe198100f92cc8d1d2154e").containsEntry("category", "billing");
        assertThat(mapping.urgencies().get("High").fields()).isEqualTo(Map.of("urgency", "1", "impact", "2"));
        assertThat(mapping.noteFor(WriteBackLevel.PRESELECT)).startsWith("Auto-triage ({level})");
        assertThat(mapping.noteFor(WriteBackLevel.REVIEW)).isEqualTo(NoteTemplate.defaultFor(WriteBackLevel.REVIEW));
    }

    @Test
    void zendeskAndJiraTagsGoToTagsNotFields() {
        MappingReport zendesk = parse(TicketSource.ZENDESK, """
                levels: {default: automate}
                departments:
                  Billing: {group_id: 360001, tags: [billing]}
                  Security: {group_id: 360002, assignee_id: 42}
                  Technical: {group_id: 360003}
                urgencies:
                  Critical: {priority: urgent}
                  High: {priority: high}
                  Medium: {priority: normal}
                  Low: {priority: low}
                review: {tags: [triage_review]}
                tags: [auto_triaged]
                """);
        assertThat(zendesk.problems()).isEmpty();
        assertThat(zendesk.mapping().departments().get("Billing").fields()).isEqualTo(Map.of("group_id", 360001L));
        assertThat(zendesk.mapping().departments().get("Billing").tags()).containsExactly("billing");
        assertThat(zendesk.mapping().review().tags()).containsExactly("triage_review");

        MappingReport jira = parse(TicketSource.JIRA, """
                levels: {default: preselect}
                departments:
                  Billing: {team: "team-7", components: [Payments], customfield_10010: 7}
                  Security: {team: "team-8"}
                  Technical: {assignee: "5b10ac8d82e05b22cc7d4ef5"}
                urgencies:
                  Critical: {priority: Highest, customfield_10020: "P1"}
                  High: {priority: High}
                  Medium: {priority: Medium}
                  Low: {priority: Low}
                """);
        assertThat(jira.problems()).isEmpty();
        assertThat(jira.mapping().departments().get("Billing").fields()).containsEntry("components",
                List.of("Payments")).containsEntry("customfield_10010", 7L);
    }

    @Test
    void invalidYamlIsOneProblemAtItsLine() {
        MappingReport report = parse(TicketSource.SERVICENOW, "levels:\n  default: suggest\n departments: [\n");

        assertThat(report.mapping()).isNull();
        assertThat(report.problems()).singleElement().satisfies(p -> {
            assertThat(p.message()).startsWith("invalid YAML");
            assertThat(p.line()).isEqualTo(3);
        });
    }

    @Test
    void anUnknownKeyNamesItsLineAndTheAllowedOnes() {
        MappingReport report = parse(TicketSource.ZENDESK, """
                departments:
                  Billing:
                    assignment_group: abc
                colour: blue
                """);

        assertThat(report.problems()).extracting(MappingProblem::line, MappingProblem::column, MappingProblem::field)
                .containsExactly(tuple(3, 5, "departments.Billing.assignment_group"),
                        tuple(4, 1, "colour"));
        assertThat(report.problems().getFirst().message()).contains("group_id");
    }

    @Test
    void aValueOfTheWrongTypeNamesItsLine() {
        MappingReport report = parse(TicketSource.ZENDESK, """
                departments:
                  Billing: {group_id: "Billing team"}
                urgencies:
                  High: {priority: "P2"}
                """);

        assertThat(report.problems()).extracting(MappingProblem::line, MappingProblem::field).containsExactly(
                tuple(2, "departments.Billing.group_id"),
                tuple(4, "urgencies.High.priority"));
    }

    @Test
    void serviceNowUrgencyValuesAreOneToThree() {
        MappingReport report = parse(TicketSource.SERVICENOW, "urgencies:\n  High: {urgency: \"4\", impact: 1}\n");

        assertThat(report.problems()).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("urgencies.High.urgency");
            assertThat(p.line()).isEqualTo(2);
        });
    }

    @Test
    void anUnknownDepartmentOrUrgencyIsRefusedAtItsLine() {
        MappingReport report = parse(TicketSource.SERVICENOW, """
                levels:
                  departments:
                    Marketing: suggest
                departments:
                  Billing: {assignment_group: abc}
                  Marketing: {assignment_group: def}
                urgencies:
                  Whenever: {urgency: "3"}
                """);

        assertThat(report.problems()).extracting(MappingProblem::line, MappingProblem::field).containsExactly(
                tuple(3, "levels.departments.Marketing"),
                tuple(6, "departments.Marketing"),
                tuple(8, "urgencies.Whenever"));
        assertThat(report.problems().getFirst().message()).contains("unknown department 'Marketing'");
        assertThat(report.problems().getLast().message()).contains("unknown urgency 'Whenever'");
    }

    @Test
    void withoutTheTaxonomyDepartmentsAreNotChecked() {
        MappingReport report = parser.parse(TicketSource.SERVICENOW,
                "departments:\n  Marketing: {assignment_group: def}\n", null);

        assertThat(report.problems()).isEmpty();
    }

    @Test
    void anAutomatedDepartmentWithoutFieldsIsAMissingTarget() {
        MappingReport report = parse(TicketSource.ZENDESK, """
                levels:
                  departments:
                    Billing: automate
                departments:
                  Billing: {tags: [billing]}
                urgencies:
                  Critical: {priority: urgent}
                  High: {priority: high}
                  Medium: {priority: normal}
                  Low: {priority: low}
                """);

        assertThat(report.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(5);
            assertThat(p.field()).isEqualTo("departments.Billing");
            assertThat(p.message()).startsWith("missing target").contains("automate");
        });
    }

    @Test
    void aTaxonomyDepartmentWithoutEntryIsAMissingTargetWhenTheDefaultSetsFields() {
        MappingReport report = parse(TicketSource.SERVICENOW, """
                levels:
                  default: preselect
                departments:
                  Billing: {assignment_group: abc}
                  Security: {assignment_group: def}
                urgencies:
                  Critical: {urgency: "1"}
                  High: {urgency: "1"}
                  Medium: {urgency: "2"}
                  Low: {urgency: "3"}
                """);

        assertThat(report.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.field()).isEqualTo("departments.Technical");
            assertThat(p.message()).contains("missing target").contains("preselect");
        });
    }

    @Test
    void anUrgencyWithoutMappingIsAMissingTargetWhenSomeDepartmentIsSet() {
        MappingReport report = parse(TicketSource.SERVICENOW, """
                levels:
                  departments:
                    Billing: automate
                departments:
                  Billing: {assignment_group: abc}
                urgencies:
                  Critical: {urgency: "1"}
                  High: {urgency: "1"}
                  Medium: {urgency: "2"}
                """);

        assertThat(report.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(6);
            assertThat(p.field()).isEqualTo("urgencies.Low");
            assertThat(p.message()).startsWith("missing target: urgency 'Low'");
        });
    }

    @Test
    void onlySuggestionsNeedNoFieldsAtAll() {
        MappingReport report = parse(TicketSource.SERVICENOW, "levels:\n  default: suggest\n");

        assertThat(report.problems()).isEmpty();
    }

    @Test
    void anUnknownNotePlaceholderNamesItsLine() {
        MappingReport report = parse(TicketSource.SERVICENOW, """
                levels: {default: suggest}
                note: |
                  Auto-triage: {department}
                  Customer {customer_id} should hear from us.
                """);

        assertThat(report.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(4);
            assertThat(p.field()).isEqualTo("note");
            assertThat(p.message()).contains("{customer_id}");
        });
    }

    @Test
    void aLevelOutsideTheThreeIsRefused() {
        MappingReport report = parse(TicketSource.SERVICENOW, """
                levels:
                  default: always
                  departments:
                    Billing: review
                """);

        assertThat(report.problems()).extracting(MappingProblem::line, MappingProblem::field).containsExactly(
                tuple(2, "levels.default"),
                tuple(4, "levels.departments.Billing"));
        assertThat(report.problems().getFirst().message()).contains("suggest, preselect, automate");
    }

    @Test
    void serviceNowHasNoTags() {
        MappingReport report = parse(TicketSource.SERVICENOW, """
                review: {tags: [triage_review]}
                tags: [auto_triaged]
                """);

        assertThat(report.problems()).extracting(MappingProblem::line, MappingProblem::field).containsExactly(
                tuple(1, "review.tags"),
                tuple(2, "tags"));
    }

    @Test
    void aNoteMayBeGivenPerLevel() {
        MappingReport report = parse(TicketSource.SERVICENOW, """
                note:
                  review: "Needs a human: {candidates}"
                  sometimes: "x"
                """);

        assertThat(report.problems()).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("note.sometimes");
            assertThat(p.line()).isEqualTo(3);
        });
        MappingReport valid = parse(TicketSource.SERVICENOW, "note:\n  review: \"Needs a human: {candidates}\"\n");
        assertThat(valid.mapping().noteFor(WriteBackLevel.REVIEW)).isEqualTo("Needs a human: {candidates}");
        assertThat(valid.mapping().noteFor(WriteBackLevel.AUTOMATE))
                .isEqualTo(NoteTemplate.defaultFor(WriteBackLevel.AUTOMATE));
    }
}
