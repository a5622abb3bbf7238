package io.triage.rules.catalog;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.triage.platform.problem.ConflictException;
import io.triage.platform.problem.InvalidInputException;
import io.triage.platform.problem.NotFoundException;
import io.triage.platform.problem.ProblemException;
import io.triage.rules.engine.RuleCompiler;
import io.triage.rules.engine.RuleSetCompilationException;
import io.triage.rules.ruleset.InvalidRuleSetException;
import io.triage.rules.ruleset.RuleSet;
import io.triage.rules.ruleset.RuleSetParser;
import io.triage.rules.ruleset.RuleSetProblem;
import java.util.List;
import org.springframework.stereotype.Service;

/** Draft → validate → publish (atomic) → rollback; refuses anything that does not parse and compile. */
@Service
public class RuleSetLifecycle {

    private final RuleSetStore store;
    private final RuleSetParser parser;
    private final RuleCompiler compiler;
    private final ActiveRuleSet active;
    private final Counter refusedPatterns;

    RuleSetLifecycle(RuleSetStore store, RuleSetParser parser, RuleCompiler compiler, ActiveRuleSet active,
            MeterRegistry meters) {
        this.store = store;
        this.parser = parser;
        this.compiler = compiler;
        this.active = active;
        this.refusedPatterns = Counter.builder("rules.patterns.refused")
                .description("Rule sets refused because a rule exceeded a compile limit (states, size, time)")
                .register(meters);
    }

    /** Saves the draft after checking it; a bad draft is refused (400) and nothing changes. */
    public RuleSet saveDraft(String yaml, String by) {
        RuleSet ruleSet = checked(yaml);
        store.saveDraft(yaml, by);
        return ruleSet;
    }

    /** Publishes {@code yaml}, or the saved draft when null, as a new active version. */
    public int publish(String yaml, String by, String reason) {
        String source = yaml != null ? yaml : store.draft().orElseThrow(
                () -> new ConflictException("There is no draft to publish; PUT /rules/draft first"));
        RuleSet ruleSet = checked(source);
        int version = store.publish(source, ruleSet.rules().size(), by, reason, "publish");
        active.refresh();
        return version;
    }

    /** Makes an earlier version active again. */
    public void rollback(int version, String by, String reason) {
        if (!store.rollback(version, by, reason)) {
            throw new NotFoundException("Rule set version " + version + " does not exist");
        }
        active.refresh();
    }

    private RuleSet checked(String yaml) {
        try {
            RuleSet ruleSet = parser.parse(yaml).ruleSetOrThrow();
            compiler.compile(ruleSet);
            return ruleSet;
        } catch (InvalidRuleSetException e) {
            throw refused(e);
        }
    }

    /**
     * The 400 for a rule set that does not parse or compile, naming the first problem's field and rule; a rule over
     * a compile limit is also counted in {@code rules_patterns_refused_total}.
     */
    public ProblemException refused(InvalidRuleSetException e) {
        if (e instanceof RuleSetCompilationException compilation && compilation.tooComplex()) {
            refusedPatterns.increment();
        }
        RuleSetProblem first = e.problems().getFirst();
        ProblemException problem = new InvalidInputException("Invalid rule set", first.field(),
                (first.ruleId() != null ? "rule " + first.ruleId() + ": " : "") + first.message())
                .with("line", first.line()).with("column", first.column())
                .with("errors", e.problems());
        return first.ruleId() != null ? problem.with("ruleId", first.ruleId()) : problem;
    }
}
