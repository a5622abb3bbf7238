package io.triage.benchmarks.pii;

import io.triage.pii.PiiSanitizer;
import io.triage.pii.SanitizerSettings;
import io.triage.tickets.TicketGenerator;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Locale;

/**
 * Tickets per CPU-second of one thread, measured with the thread's CPU clock instead of the wall clock. On a
 * machine shared with other builds, wall-clock JMH numbers mostly measure the other load; CPU time tells what one
 * core can do. Same tickets and detector sets as {@link SanitizerBenchmark}; run
 * {@code java -cp target/benchmarks.jar io.triage.benchmarks.pii.CpuTimeThroughput}.
 */
public final class CpuTimeThroughput {

    private static final int TICKETS = 2_000;
    private static final int WARM_UP_ROUNDS = 3;
    private static final int MEASURED_ROUNDS = 3;

    private CpuTimeThroughput() {
    }

    public static void main(String[] args) {
        List<String> tickets = new TicketGenerator(3).generate(TICKETS).stream()
                .map(ticket -> ticket.subject() + "\n" + ticket.description())
                .toList();
        SanitizerSettings defaults = SanitizerSettings.defaults();
        measure("structured", defaults.withNamedEntities(false, false).build(), tickets);
        measure("rules", defaults.withNamedEntities(true, false).build(), tickets);
        measure("rules+model", defaults.build(), tickets);
    }

    private static void measure(String label, PiiSanitizer sanitizer, List<String> tickets) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int round = 0; round < WARM_UP_ROUNDS; round++) {
            tickets.forEach(sanitizer::sanitize);
        }
        StringBuilder rounds = new StringBuilder();
        for (int round = 0; round < MEASURED_ROUNDS; round++) {
            long start = threads.getCurrentThreadCpuTime();
            tickets.forEach(sanitizer::sanitize);
            double seconds = (threads.getCurrentThreadCpuTime() - start) / 1e9;
            rounds.append(String.format(Locale.ROOT, " %.0f", tickets.size() / seconds));
        }
        System.out.println(label + " tickets per CPU-second:" + rounds);
    }
}
