package io.triage.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.triage.rules.ruleset.Rule;
import io.triage.rules.ruleset.RuleSet;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A pattern whose automaton explodes is refused while it is being built, naming the rule, instead of exhausting the
 * heap: the cap applies during subset construction, to the pattern's own automaton and to the {@code .*} scan one.
 */
class CompileLimitsTests {

    @Test
    void exponentialPatternIsRefusedWhileItsAutomatonIsBuilt() {
        assertRefused("(a|b)*a(a|b){20}", "while being built");
    }

    @Test
    void aPatternThatTakesLongerThanTheDeadlineIsRefused() {
        CompileLimits d = CompileLimits.DEFAULTS;
        RuleCompiler hurried = new RuleCompiler(20_000, 64, new CompileLimits(d.maxPatternChars(), d.maxNestingDepth(),
                d.maxExpandedSize(), d.maxDeterminizedStates(), Duration.ofNanos(1)));

        assertThatThrownBy(() -> hurried.compile(new RuleSet(List.of(Rule.of("SLOW", "(a|b)*a(a|b){20}", true, "X")))))
                .isInstanceOfSatisfying(RuleSetCompilationException.class,
                        e -> assertThat(e.problems().getFirst().message()).contains("took longer than 0 ms"));
    }

    @Test
    void exponentialScanAutomatonIsRefusedToo() {
        // The pattern's own automaton has 22 states; only ".*" + pattern explodes (2^21 states).
        assertRefused("a.{20}", "scan automaton of pattern");
    }

    @Test
    void exponentialExcludeIsRefused() {
        Rule rule = Rule.of("EXC", "refund", true, "Billing").withConditions(List.of(), List.of("x.{20}"));

        assertThatThrownBy(() -> new RuleCompiler().compile(new RuleSet(List.of(rule))))
                .isInstanceOfSatisfying(RuleSetCompilationException.class,
                        e -> assertThat(e.problems().getFirst().ruleId()).isEqualTo("EXC"));
    }

    @Test
    void tooLongTooDeepAndTooLargePatternsAreRefusedBeforeAnyAutomaton() {
        assertRefused("a".repeat(1_001), "1001 characters long");
        assertRefused("(".repeat(17) + "a" + ")".repeat(17), "nest deeper than 16");
        assertRefused("(((ab){20}){20}){20}", "repetitions are expanded");
    }

    @Test
    void aSmallStateCapRefusesWhatTheDefaultAllows() {
        RuleCompiler tight = new RuleCompiler(20_000, 64, new CompileLimits(1_000, 16, 5_000, 50,
                Duration.ofSeconds(5)));
        RuleSet ruleSet = new RuleSet(List.of(Rule.of("MID", "a.{6}", true, "X")));

        assertThat(new RuleCompiler().compile(ruleSet).groupCount()).isEqualTo(1);
        assertThatThrownBy(() -> tight.compile(ruleSet)).isInstanceOf(RuleSetCompilationException.class)
                .hasMessageContaining("exceeds 50 states");
    }

    @Test
    void normalRulesStillCompileAndMatch() {
        CompiledRuleSet compiled = new RuleCompiler().compile(new RuleSet(List.of(
                Rule.of("LOCK", "account[^.!?]*locked|cannot.*login", true, "Security"),
                Rule.of("GAP", "refund.{0,20}order", true, "Billing"))));

        assertThat(((RuleVerdict.Fired) compiled.evaluate(new TicketText("", "my account is LOCKED", "")))
                .rule().id()).isEqualTo("LOCK");
        assertThat(((RuleVerdict.Fired) compiled.evaluate(new TicketText("", "refund for my order", "")))
                .rule().id()).isEqualTo("GAP");
    }

    /**
     * Refused by the default limits, but with all the time in the world: on a loaded CI machine the 5 s compile
     * deadline fired before the state cap this test is about (a deadline refusal is tested on its own).
     */
    private static void assertRefused(String pattern, String reason) {
        CompileLimits d = CompileLimits.DEFAULTS;
        RuleCompiler untimed = new RuleCompiler(20_000, 64, new CompileLimits(d.maxPatternChars(), d.maxNestingDepth(),
                d.maxExpandedSize(), d.maxDeterminizedStates(), Duration.ofMinutes(10)));
        assertThatThrownBy(() -> untimed.compile(new RuleSet(List.of(Rule.of("BOMB", pattern, true, "X")))))
                .as(pattern)
                .isInstanceOfSatisfying(RuleSetCompilationException.class, e -> {
                    assertThat(e.problems().getFirst().ruleId()).isEqualTo("BOMB");
                    assertThat(e.problems().getFirst().message()).contains(reason);
                });
    }
}
