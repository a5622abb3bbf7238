package io.triage.rules.bench;

import io.triage.rules.engine.CompiledRuleSet;
import io.triage.rules.engine.RuleCompiler;
import io.triage.rules.engine.TicketText;
import io.triage.rules.ruleset.RuleSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The three engines over one rule set, built once per JVM: compiling 1,000 rules into automata and into Drools takes
 * minutes on this shared machine, so benchmarks run in one JVM and share them.
 *
 * @param ruleSet   the rules
 * @param automaton this engine
 * @param javaRegex sequential {@code java.util.regex}
 * @param drools    Drools
 * @param tickets   the benchmark tickets
 * @param compileMillis time to compile the automata
 */
record BenchmarkEngines(RuleSet ruleSet, CompiledRuleSet automaton, SequentialRegexEngine javaRegex,
        DroolsEngine drools, List<TicketText> tickets, long compileMillis) {

    private static final Map<Integer, BenchmarkEngines> BUILT = new ConcurrentHashMap<>();

    static BenchmarkEngines forRuleCount(int rules) {
        return BUILT.computeIfAbsent(rules, BenchmarkEngines::build);
    }

    private static BenchmarkEngines build(int rules) {
        RuleCompiler compiler = new RuleCompiler();
        List<TicketText> tickets = BenchmarkTickets.draw(compiler.compile(BenchmarkRules.shipped()));
        RuleSet ruleSet = rules == 10 ? BenchmarkRules.shipped() : BenchmarkRules.withGenerated(rules);
        long start = System.nanoTime();
        CompiledRuleSet automaton = compiler.compile(ruleSet);
        long compileMillis = (System.nanoTime() - start) / 1_000_000;
        return new BenchmarkEngines(ruleSet, automaton, new SequentialRegexEngine(ruleSet), new DroolsEngine(ruleSet),
                tickets, compileMillis);
    }
}
