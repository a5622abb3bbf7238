package io.triage.rules.bench;

import io.triage.rules.engine.CompiledRuleSet;
import io.triage.rules.engine.TicketText;
import io.triage.rules.ruleset.RuleSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/** Runs {@link RulesBenchmark} (one fork, short iterations) and writes the Markdown report. */
public final class RulesBenchmarkReport {

    private RulesBenchmarkReport() {
    }

    public static void main(String[] args) throws RunnerException, IOException {
        Path report = Path.of(args.length > 0 ? args[0] : "benchmarks/results/rules-engine.md");
        Options options = new OptionsBuilder().include(RulesBenchmark.class.getSimpleName()).forks(0)
                .warmupIterations(2).warmupTime(TimeValue.seconds(2)).measurementIterations(3)
                .measurementTime(TimeValue.seconds(2)).build();
        Collection<RunResult> results = new Runner(options).run();
        Map<String, double[]> scores = new HashMap<>();
        for (RunResult result : results) {
            String engine = result.getParams().getBenchmark().replaceAll(".*\\.", "");
            int rules = Integer.parseInt(result.getParams().getParam("rules"));
            double[] row = scores.computeIfAbsent(engine, k -> new double[4]);
            int column = rules == 10 ? 0 : 2;
            row[column] = result.getPrimaryResult().getScore();
            row[column + 1] = result.getPrimaryResult().getScoreError();
        }
        Files.writeString(report, markdown(scores));
        System.out.println(Files.readString(report));
    }

    private static String markdown(Map<String, double[]> scores) {
        BenchmarkEngines small = BenchmarkEngines.forRuleCount(10);
        BenchmarkEngines large = BenchmarkEngines.forRuleCount(1000);
        CompiledRuleSet ten = small.automaton();
        RuleSet thousandRules = large.ruleSet();
        CompiledRuleSet thousand = large.automaton();
        List<TicketText> tickets = small.tickets();
        StringBuilder md = new StringBuilder();
        md.append("# Rules engine benchmark\n\n")
                .append("Date: ").append(LocalDate.now()).append(". Machine: ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores (shared with other builds), ")
                .append(memory()).append(". JDK: ").append(System.getProperty("java.vm.name")).append(' ')
                .append(System.getProperty("java.version")).append(". JMH 1.37, one thread, no fork (the engines ")
                .append("are built once per JVM: compiling 1,000 rules takes minutes here), 2×2 s warm-up, 3×2 s ")
                .append("measurement, `-Xmx1g`.\n\n")
                .append("Reproduce (from the repository root):\n\n```\n")
                .append("mvn -q -f rules-core/pom.xml install -DskipTests\n")
                .append("mvn -q -f benchmarks/rules-benchmarks/pom.xml compile dependency:build-classpath "
                        + "-Dmdep.outputFile=target/classpath.txt\n")
                .append("java -Xmx1g -cp \"benchmarks/rules-benchmarks/target/classes:$(cat benchmarks/rules-benchmarks/"
                        + "target/classpath.txt)\" io.triage.rules.bench.RulesBenchmarkReport "
                        + "benchmarks/results/rules-engine.md\n```\n\n")
                .append(String.format("Tickets: %,d from `TicketGenerator(42)`, drawn so that %.0f %% are routed by "
                        + "the 10 shipped rules; average %.0f characters (subject + description + channel). The "
                        + "1,000-rule set is the 10 shipped rules followed by 990 generated ones over call-centre "
                        + "words.%n%n", tickets.size(), 100 * share(ten, tickets), BenchmarkTickets.averageLength(tickets)))
                .append("| engine | 10 rules, evaluations/s | 1,000 rules, evaluations/s |\n|---|---:|---:|\n");
        for (String engine : List.of("automaton", "sequentialJavaRegex", "drools")) {
            double[] row = scores.getOrDefault(engine, new double[4]);
            md.append(String.format("| %s | %,.0f ± %,.0f | %,.0f ± %,.0f |%n", label(engine), row[0], row[1], row[2],
                    row[3]));
        }
        double[] automaton = scores.getOrDefault("automaton", new double[4]);
        double[] drools = scores.getOrDefault("drools", new double[4]);
        md.append(String.format("%nAutomaton ÷ Drools: **%.0f×** with 10 rules, **%.0f×** with 1,000 rules.%n%n",
                        automaton[0] / drools[0], automaton[2] / drools[2]))
                .append(String.format("Compiled size: 10 rules → %d product automaton, %,d states, compiled in %,d ms; "
                        + "1,000 rules → %d groups behind the Aho–Corasick prefilter, %,d states in all, compiled in "
                        + "%,d ms. Heap used after building everything: %,d MiB.%n%n", ten.groupCount(),
                        ten.totalStates(), small.compileMillis(), thousand.groupCount(), thousand.totalStates(),
                        large.compileMillis(), heapMiB()))
                .append(agreement(ten, BenchmarkRules.shipped(), tickets, "10"))
                .append(agreement(thousand, thousandRules, tickets, "1,000"))
                .append("\nThe automaton figure includes locating the matched span of the winning rule. Drools gets "
                        + "subject and description joined into one lowercased text (its rules cannot look at fields "
                        + "separately without more DRL); `matches` needs a full match, so each pattern is wrapped in "
                        + "`(?s).*(?:…).*`.\n");
        return md.toString();
    }

    private static String agreement(CompiledRuleSet compiled, RuleSet ruleSet, List<TicketText> tickets, String n) {
        SequentialRegexEngine regex = new SequentialRegexEngine(ruleSet);
        long same = tickets.stream().filter(t -> {
            int winner = compiled.winner(t);
            return Objects.equals(winner < 0 ? null : compiled.rules().get(winner).id(), regex.winner(t));
        }).count();
        return String.format("With %s rules the automaton and sequential `java.util.regex` pick the same rule on %,d of "
                + "%,d tickets.%n", n, same, tickets.size());
    }

    private static long heapMiB() {
        Runtime runtime = Runtime.getRuntime();
        runtime.gc();
        return (runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024);
    }

    private static double share(CompiledRuleSet rules, List<TicketText> tickets) {
        return tickets.stream().filter(t -> rules.winner(t) >= 0).count() / (double) tickets.size();
    }

    private static String label(String engine) {
        return switch (engine) {
            case "automaton" -> "this engine (product DFA + prefilter)";
            case "sequentialJavaRegex" -> "sequential `java.util.regex`";
            default -> "Drools 10.2 (stateless session per ticket)";
        };
    }

    private static String memory() {
        try {
            String line = Files.readAllLines(Path.of("/proc/meminfo")).getFirst();
            long kb = Long.parseLong(line.replaceAll("\\D", ""));
            return String.format("%.1f GiB RAM", kb / 1024.0 / 1024.0);
        } catch (IOException | RuntimeException e) {
            return "RAM unknown";
        }
    }
}
