package io.triage.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.triage.rules.ruleset.Rule;
import io.triage.rules.ruleset.RuleSet;
import io.triage.rules.ruleset.TicketField;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RuleEvaluationTests {

    @Test
    void firstMatchingRuleWins() {
        CompiledRuleSet rules = compile(Rule.of("A", "refund", false, "Billing"),
                Rule.of("B", "refund.*fraud", true, "Security"));

        assertThat(winner(rules, "Refund for FRAUD")).isEqualTo("A");
    }

    @Test
    void keywordsMustAlsoOccurAndExcludesVeto() {
        CompiledRuleSet rules = compile(
                Rule.of("K", "refund", false, "Billing").withConditions(List.of("charge", "payment"), List.of()),
                Rule.of("E", "locked", false, "Security").withConditions(List.of(), List.of("phishing")));

        assertThat(winner(rules, "refund please")).isEqualTo("none");
        assertThat(winner(rules, "refund the double CHARGE")).isEqualTo("K");
        assertThat(winner(rules, "account locked")).isEqualTo("E");
        assertThat(winner(rules, "phishing mail says account locked")).isEqualTo("none");
    }

    @Test
    void onlySelectedFieldsAreLookedAtAndPatternsNeverSpanFields() {
        CompiledRuleSet rules = compile(Rule.of("CH", "phone", false, "Sales").withFields(Set.of(TicketField.CHANNEL)),
                Rule.of("AB", "a.*b", true, "X"));

        assertThat(rules.evaluate(new TicketText("phone", "", "email"))).isEqualTo(RuleVerdict.NONE);
        assertThat(((RuleVerdict.Fired) rules.evaluate(new TicketText("", "", "phone"))).rule().id()).isEqualTo("CH");
        assertThat(rules.evaluate(new TicketText("a", "b", ""))).isEqualTo(RuleVerdict.NONE);
        assertThat(winner(rules, "a\nb")).isEqualTo("AB");
    }

    @Test
    void reportsTheEarliestEndingMatchExtendedLeft() {
        CompiledRuleSet rules = compile(Rule.of("R", "account.*locked", true, "Security"));

        RuleVerdict.Fired fired = (RuleVerdict.Fired) rules.evaluate(
                new TicketText("", "My Account is locked, account still locked", ""));

        assertThat(fired.span()).isEqualTo(new MatchedSpan(TicketField.DESCRIPTION, 3, 20, "Account is locked"));
    }

    @Test
    void unsupportedConstructsAreRejectedWithTheRuleId() {
        for (String pattern : List.of("^refund", "\\brefund\\b", "(?=x)a", "(a)\\1", "a++", "a{1,500}", "a*")) {
            assertThatThrownBy(() -> compile(Rule.of("BAD", pattern, true, "X")))
                    .as(pattern)
                    .isInstanceOfSatisfying(RuleSetCompilationException.class,
                            e -> assertThat(e.problems().getFirst().ruleId()).isEqualTo("BAD"));
        }
    }

    @Test
    void largeRuleSetsSplitIntoGroupsAndStillAgreeWithTheReference() {
        List<Rule> many = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            many.add(Rule.of("G" + i, "word" + i + "[^.]*thing" + (i % 7), true, "D" + (i % 5)));
        }
        many.add(Rule.of("LAST", "\\w+ing", true, "Z"));
        RuleSet ruleSet = new RuleSet(many);
        CompiledRuleSet compiled = new RuleCompiler().compile(ruleSet);
        SequentialReference reference = new SequentialReference(ruleSet);

        assertThat(compiled.groupCount()).isGreaterThan(1);
        for (String text : List.of("word12 and thing5", "word12 and thing3", "nothing here", "word149 thing2",
                "Word7. thing0", "plain text")) {
            TicketText ticket = new TicketText("", text, "");
            SequentialReference.Result expected = reference.evaluate(ticket);
            assertThat(compiled.winner(ticket) < 0 ? "none" : compiled.rules().get(compiled.winner(ticket)).id())
                    .as(text).isEqualTo(expected == null ? "none" : expected.ruleId());
        }
    }

    private static CompiledRuleSet compile(Rule... rules) {
        return new RuleCompiler().compile(new RuleSet(List.of(rules)));
    }

    private static String winner(CompiledRuleSet rules, String description) {
        return rules.evaluate(new TicketText("", description, "")) instanceof RuleVerdict.Fired fired
                ? fired.rule().id() : "none";
    }
}
