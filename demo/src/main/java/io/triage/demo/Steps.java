package io.triage.demo;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs named steps in order and keeps each outcome. A step that fails is recorded with its reason; the steps after it
 * still run when they do not depend on it (each step decides through {@link #passed}). The summary lists every step.
 */
final class Steps {

    /** One step's outcome. */
    record Outcome(String name, boolean passed, String detail, Duration took) {
    }

    /** A step's body: prints what it shows, returns a one-line result, throws {@link StepFailed} when it fails. */
    @FunctionalInterface
    interface Body {
        String run() throws Exception;
    }

    private final PrintStream out;
    private final List<Outcome> outcomes = new ArrayList<>();

    Steps(PrintStream out) {
        this.out = out;
    }

    /** Runs {@code body} as step {@code name}; returns whether it passed. */
    boolean run(String name, Body body) {
        out.println();
        out.println("== " + name);
        long started = System.nanoTime();
        Outcome outcome;
        try {
            outcome = new Outcome(name, true, body.run(), since(started));
        } catch (StepFailed e) {
            outcome = new Outcome(name, false, e.getMessage(), since(started));
        } catch (Exception e) {
            outcome = new Outcome(name, false, e.getClass().getSimpleName() + ": " + e.getMessage(), since(started));
        }
        outcomes.add(outcome);
        out.println((outcome.passed() ? "  ok: " : "  FAILED: ") + outcome.detail());
        return outcome.passed();
    }

    /** Records a step that could not run because an earlier one failed. */
    void skip(String name, String because) {
        outcomes.add(new Outcome(name, false, "not run: " + because, Duration.ZERO));
    }

    boolean passed(String name) {
        return outcomes.stream().anyMatch(o -> o.name().equals(name) && o.passed());
    }

    List<Outcome> outcomes() {
        return List.copyOf(outcomes);
    }

    /** Prints the summary of every step; returns the process exit status (0 only when every step passed). */
    int summarise() {
        out.println();
        out.println("== demo summary");
        for (Outcome o : outcomes) {
            out.printf("  %-6s %-58s %6.1f s  %s%n", o.passed() ? "ok" : "FAILED", o.name(),
                    o.took().toMillis() / 1000.0, o.detail());
        }
        List<Outcome> failed = outcomes.stream().filter(o -> !o.passed()).toList();
        if (failed.isEmpty()) {
            out.println("demo: all " + outcomes.size() + " steps passed");
            return 0;
        }
        out.println("demo: FAILED at step '" + failed.getFirst().name() + "': " + failed.getFirst().detail());
        return 1;
    }

    private static Duration since(long started) {
        return Duration.ofNanos(System.nanoTime() - started);
    }
}
