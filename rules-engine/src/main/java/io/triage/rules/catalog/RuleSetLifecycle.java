package io.triage.rules.catalog;

import io.triage.platform.problem.ConflictException;
import io.triage.platform.problem.InvalidInputException;
import io.triage.platform.problem.NotFoundException;
import io.triage.platform.problem.ProblemException;
import io.triage.rules.engine.RuleCompiler;
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

    RuleSetLifecycle(RuleSetStore store, RuleSetParser parser, RuleCompiler compiler, ActiveRuleSet active) {
        this.store = store;
        this.parser = parser;
        this.compiler = compiler;
        this.active = active;
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
            throw invalid(e.problems());
        }
    }

    private static ProblemException invalid(List<RuleSetProblem> problems) {
        RuleSetProblem first = problems.getFirst();
        return new InvalidInputException("Invalid rule set", first.field(), first.message())
                .with("line", first.line()).with("column", first.column())
                .with("errors", problems);
    }
}
