package io.triage.rules.bench;

import io.triage.rules.engine.CompiledRuleSet;
import io.triage.rules.engine.RuleCompiler;
import io.triage.rules.engine.TicketText;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs {@link LocalVsRemoteBenchmark} (latency per ticket) and then measures CPU per ticket of both ways: the
 * evaluating thread's CPU for local evaluation; for the remote call this JVM's CPU (the caller) plus rules-engine's
 * process CPU from {@code /proc/<pid>/stat}. Arguments: rules-engine's pid, the report file.
 */
public final class LocalVsRemoteReport {

    private static final int LOCAL_TICKETS = 1_000_000;
    private static final int REMOTE_TICKETS = 5_000;
    private static final int REMOTE_WARMUP = 5_000;
    private static final double CLOCK_TICKS = 100.0;

    private LocalVsRemoteReport() {
    }

    public static void main(String[] args) throws RunnerException, IOException, InterruptedException {
        long pid = Long.parseLong(args[0]);
        Path report = Path.of(args.length > 1 ? args[1] : "benchmarks/results/rules-local.md");
        URI evaluate = URI.create(System.getProperty("rules.url", "http://127.0.0.1:18081") + "/rules/evaluate");
        String loadBefore = loadAverage();
        warmUp(evaluate);
        Options options = new OptionsBuilder().include(LocalVsRemoteBenchmark.class.getSimpleName()).forks(0)
                .warmupIterations(3).warmupTime(TimeValue.seconds(2)).measurementIterations(5)
                .measurementTime(TimeValue.seconds(2)).build();
        Collection<RunResult> results = new Runner(options).run();
        Map<String, double[]> latency = new HashMap<>();
        for (RunResult result : results) {
            latency.put(result.getParams().getBenchmark().replaceAll(".*\\.", ""), new double[] {
                result.getPrimaryResult().getScore(), result.getPrimaryResult().getScoreError()});
        }

        CompiledRuleSet compiled = new RuleCompiler(20_000, 64).compile(BenchmarkRules.shipped());
        List<TicketText> tickets = BenchmarkTickets.draw(compiled);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long localStart = threads.getCurrentThreadCpuTime();
        int matched = 0;
        for (int i = 0; i < LOCAL_TICKETS; i++) {
            matched += LocalVsRemoteBenchmark.evaluateLocally(compiled, tickets.get(i % tickets.size())).matched()
                    ? 1 : 0;
        }
        double localCpuMicros = (threads.getCurrentThreadCpuTime() - localStart) / 1_000.0 / LOCAL_TICKETS;

        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        double callerCpuMicros;
        double serverCpuMicros;
        try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            long callerStart = os.getProcessCpuTime();
            double serverStart = processCpuSeconds(pid);
            for (int i = 0; i < REMOTE_TICKETS; i++) {
                LocalVsRemoteBenchmark.evaluateRemotely(http, evaluate, tickets.get(i % tickets.size()));
            }
            callerCpuMicros = (os.getProcessCpuTime() - callerStart) / 1_000.0 / REMOTE_TICKETS;
            serverCpuMicros = (processCpuSeconds(pid) - serverStart) * 1e6 / REMOTE_TICKETS;
        }
        Files.writeString(report, markdown(latency, localCpuMicros, callerCpuMicros, serverCpuMicros,
                (double) matched / LOCAL_TICKETS, BenchmarkTickets.averageLength(tickets))
                + "Load average (1, 5, 15 min) before: " + loadBefore + "; after: " + loadAverage() + ".\n");
        System.out.println(Files.readString(report));
    }

    /** A freshly started rules-engine compiles its hot paths first; that CPU is not the per-ticket cost. */
    private static void warmUp(URI evaluate) throws IOException, InterruptedException {
        CompiledRuleSet compiled = new RuleCompiler(20_000, 64).compile(BenchmarkRules.shipped());
        List<TicketText> tickets = BenchmarkTickets.draw(compiled);
        try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            for (int i = 0; i < REMOTE_WARMUP; i++) {
                LocalVsRemoteBenchmark.evaluateRemotely(http, evaluate, tickets.get(i % tickets.size()));
            }
        }
    }

    private static String loadAverage() throws IOException {
        String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
        return fields[0] + ", " + fields[1] + ", " + fields[2];
    }

    /** utime + stime of a process, in seconds. */
    private static double processCpuSeconds(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / CLOCK_TICKS;
    }

    private static String markdown(Map<String, double[]> latency, double localCpu, double callerCpu, double serverCpu,
            double matchedShare, double averageLength) {
        double[] local = latency.getOrDefault("local", new double[2]);
        double[] remote = latency.getOrDefault("remote", new double[2]);
        return new StringBuilder()
                .append("# Rules tier: local evaluation vs the remote call\n\n")
                .append("Date: ").append(LocalDate.now()).append(". Machine: ")
                .append(Runtime.getRuntime().availableProcessors())
                .append(" cores, shared and noisy (other developers' builds ran at the same time). JDK: ")
                .append(System.getProperty("java.vm.name")).append(' ').append(System.getProperty("java.version"))
                .append(". JMH 1.37, one thread, no fork, 3×2 s warm-up, 5×2 s measurement, after ")
                .append(String.format("%,d", REMOTE_WARMUP)).append(" warm-up calls to rules-engine; CPU per ticket over ")
                .append(String.format("%,d", LOCAL_TICKETS)).append(" local evaluations (the thread's CPU) and ")
                .append(String.format("%,d", REMOTE_TICKETS)).append(" sequential remote calls (this JVM's CPU + ")
                .append("rules-engine's from `/proc/<pid>/stat`), measured one after the other in the same run.\n\n")
                .append("Reproduce (repository root; rules-engine on its own database, port 18081, with its default ")
                .append("settings and the 10 shipped rules):\n\n```\n")
                .append("./mvnw -o -q -pl rules-engine -am install -DskipTests -Dbenchmarks.shade.skip=true\n")
                .append("./mvnw -o -q -pl ticket-generator install -DskipTests\n")
                .append("psql -h 127.0.0.1 -U postgres -c 'CREATE DATABASE triage_bench_rules'\n")
                .append("java -Xmx512m -jar rules-engine/target/rules-engine-0.1.0-SNAPSHOT-exec.jar --server.port=18081 \\\n")
                .append("  --spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/triage_bench_rules &\n")
                .append("# with Maven Central reachable: ./mvnw -pl benchmarks/rules-benchmarks package (benchmarks.jar);\n")
                .append("# offline (Drools, which the other rules benchmark needs, is not in the local repository):\n")
                .append("R=~/.m2/repository; CP=$R/io/triage/rules-core/0.1.0-SNAPSHOT/rules-core-0.1.0-SNAPSHOT.jar:")
                .append("$R/dk/brics/automaton/automaton/1.11-8/automaton-1.11-8.jar:$R/org/yaml/snakeyaml/2.6/")
                .append("snakeyaml-2.6.jar:$R/org/jspecify/jspecify/1.0.0/jspecify-1.0.0.jar:$R/io/triage/")
                .append("ticket-generator/0.1.0-SNAPSHOT/ticket-generator-0.1.0-SNAPSHOT.jar:$R/org/openjdk/jmh/jmh-core/")
                .append("1.37/jmh-core-1.37.jar:$R/net/sf/jopt-simple/jopt-simple/5.0.4/jopt-simple-5.0.4.jar:")
                .append("$R/org/apache/commons/commons-math3/3.6.1/commons-math3-3.6.1.jar\n")
                .append("S=benchmarks/rules-benchmarks/src/main/java/io/triage/rules/bench; ")
                .append("OUT=benchmarks/rules-benchmarks/target/local-vs-remote\n")
                .append("javac -proc:full -processorpath $R/org/openjdk/jmh/jmh-generator-annprocess/1.37/")
                .append("jmh-generator-annprocess-1.37.jar:$R/org/openjdk/jmh/jmh-core/1.37/jmh-core-1.37.jar -cp \"$CP\" ")
                .append("-d $OUT \\\n  $S/BenchmarkRules.java $S/BenchmarkTickets.java $S/LocalVsRemoteBenchmark.java ")
                .append("$S/LocalVsRemoteReport.java\n")
                .append("java -Xmx1g -Drules.url=http://127.0.0.1:18081 -cp \"$OUT:$CP\" ")
                .append("io.triage.rules.bench.LocalVsRemoteReport <rules-engine java pid> benchmarks/results/rules-local.md\n")
                .append("```\n\n")
                .append(String.format("Tickets: %,d from `TicketGenerator(42)` as in `rules-engine.md`, %.0f %% routed "
                        + "by the 10 shipped rules, %.0f characters on average.%n%n", BenchmarkTickets.COUNT,
                        100 * matchedShare, averageLength))
                .append("| per ticket | remote (`POST /rules/evaluate`, before) | local (in-process, after) |\n")
                .append("|---|---:|---:|\n")
                .append(String.format("| latency, JMH average, one thread | %,.1f ± %,.1f µs | %,.2f ± %,.2f µs |%n",
                        remote[0], remote[1], local[0], local[1]))
                .append(String.format("| CPU of the caller | %,.1f µs | %,.2f µs |%n", callerCpu, localCpu))
                .append(String.format("| CPU of rules-engine | %,.1f µs | 0 |%n", serverCpu))
                .append(String.format("| CPU in all | **%,.1f µs** | **%,.2f µs** |%n%n", callerCpu + serverCpu,
                        localCpu))
                .toString();
    }
}
