package io.triage.rules.bench;

import io.triage.rules.engine.CompiledRuleSet;
import io.triage.rules.engine.RuleVerdict;
import io.triage.rules.engine.TicketText;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.jspecify.annotations.Nullable;

/** Evaluations per second, one ticket per call, the same tickets and rules for every engine. */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class RulesBenchmark {

    @Param({"10", "1000"})
    public int rules;

    private List<TicketText> tickets;
    private CompiledRuleSet automaton;
    private SequentialRegexEngine javaRegex;
    private DroolsEngine drools;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        BenchmarkEngines engines = BenchmarkEngines.forRuleCount(rules);
        tickets = engines.tickets();
        automaton = engines.automaton();
        javaRegex = engines.javaRegex();
        drools = engines.drools();
        next = 0;
    }

    private TicketText nextTicket() {
        TicketText ticket = tickets.get(next);
        next = next + 1 == tickets.size() ? 0 : next + 1;
        return ticket;
    }

    @Benchmark
    public RuleVerdict automaton() {
        return automaton.evaluate(nextTicket());
    }

    @Benchmark
    public @Nullable String sequentialJavaRegex() {
        return javaRegex.winner(nextTicket());
    }

    @Benchmark
    public @Nullable String drools() {
        return drools.winner(nextTicket());
    }
}
