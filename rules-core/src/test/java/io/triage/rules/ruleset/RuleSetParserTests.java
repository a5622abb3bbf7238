package io.triage.rules.ruleset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.util.List;
import org.junit.jupiter.api.Test;

class RuleSetParserTests {

    private final RuleSetParser parser = new RuleSetParser();

    @Test
    void readsTheIssueExampleWithDefaults() {
        RuleSet ruleSet = parsed("""
                rules:
                  - id: R001
                    pattern: "account.*locked|cannot.*login"
                    regex: true
                    department: Security
                    urgency: High
                    confidence: 0.95
                  - id: R002
                    pattern: "refund"
                    keywords: ["billing", "charge", "payment"]
                    department: Billing
                    urgency: Medium
                  - id: R003
                    pattern: "x+"
                    regex: true
                    department: Billing
                    urgency: Low
                    fields: [channel]
                    enabled: false
                """);

        assertThat(ruleSet.rules()).extracting(Rule::id).containsExactly("R001", "R002", "R003");
        assertThat(ruleSet.rules().get(1).confidence()).isEqualTo(Rule.DEFAULT_LITERAL_CONFIDENCE);
        assertThat(ruleSet.rules().get(2).confidence()).isEqualTo(Rule.DEFAULT_REGEX_CONFIDENCE);
        assertThat(ruleSet.rules().get(1).keywords()).containsExactly("billing", "charge", "payment");
        assertThat(ruleSet.rules().get(2).fields()).containsExactly(TicketField.CHANNEL);
        assertThat(ruleSet.enabledRules()).hasSize(2);
    }

    @Test
    void explicitOrderComesBeforeFilePosition() {
        RuleSet ruleSet = parsed("""
                rules:
                  - {id: A, pattern: a, department: D, urgency: Low}
                  - {id: B, pattern: b, department: D, urgency: Low, order: 2}
                  - {id: C, pattern: c, department: D, urgency: Low, order: 1}
                """);

        assertThat(ruleSet.rules()).extracting(Rule::id).containsExactly("C", "B", "A");
    }

    @Test
    void invalidYamlReportsLineAndColumn() {
        List<RuleSetProblem> problems = rejected("rules:\n  - id: R1\n    pattern: [unclosed\n");

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.line()).isGreaterThan(0);
            assertThat(p.column()).isGreaterThan(0);
            assertThat(p.message()).startsWith("invalid YAML");
        });
    }

    @Test
    void everyBadFieldIsReportedWithItsPosition() {
        List<RuleSetProblem> problems = rejected("""
                rules:
                  - id: R1
                    pattern: refund
                    urgency: High
                    confidence: 1.5
                    colour: red
                  - id: R1
                    pattern: refund
                    department: Billing
                    urgency: Low
                """);

        assertThat(problems).extracting(RuleSetProblem::field).containsExactlyInAnyOrder(
                "rules[0].colour", "rules[0].department", "rules[0].confidence");
        assertThat(problems).filteredOn(p -> p.field().equals("rules[0].confidence")).singleElement()
                .satisfies(p -> {
                    assertThat(p.line()).isEqualTo(5);
                    assertThat(p.column()).isEqualTo(17);
                });
    }

    @Test
    void duplicateIdsAreRejected() {
        List<RuleSetProblem> problems = rejected("""
                rules:
                  - {id: R1, pattern: a, department: D, urgency: Low}
                  - {id: R1, pattern: b, department: D, urgency: Low}
                """);

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("rules[1].id");
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.message()).contains("duplicate id");
        });
    }

    @Test
    void aRejectedRuleSetThrowsEveryProblemOnlyWhenAskedForItsRules() {
        RuleSetParseResult result = parser.parse("""
                rules:
                  - {id: R1, pattern: a, urgency: Low}
                  - {id: R2, pattern: b, department: D, urgency: Low, colour: red}
                """);

        assertThatExceptionOfType(InvalidRuleSetException.class).isThrownBy(result::ruleSetOrThrow)
                .satisfies(e -> assertThat(e.problems()).isEqualTo(((RuleSetParseResult.Rejected) result).problems())
                        .extracting(RuleSetProblem::field).containsExactly("rules[0].department", "rules[1].colour"));
    }

    @Test
    void aParsedRuleSetIsReturnedAsIs() {
        RuleSetParseResult result = parser.parse("rules:\n  - {id: R1, pattern: a, department: D, urgency: Low}\n");

        assertThat(result.ruleSetOrThrow()).isSameAs(((RuleSetParseResult.Parsed) result).ruleSet());
    }

    private RuleSet parsed(String yaml) {
        RuleSetParseResult result = parser.parse(yaml);
        assertThat(result).isInstanceOf(RuleSetParseResult.Parsed.class);
        return ((RuleSetParseResult.Parsed) result).ruleSet();
    }

    private List<RuleSetProblem> rejected(String yaml) {
        RuleSetParseResult result = parser.parse(yaml);
        assertThat(result).isInstanceOf(RuleSetParseResult.Rejected.class);
        return ((RuleSetParseResult.Rejected) result).problems();
    }
}
