package io.triage.simulators.fault;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import org.jspecify.annotations.Nullable;

/**
 * The faults a simulator's next requests meet. Rules are checked in the order they were added; the first that fires
 * decides the request. A count rule fires for the next N requests; a percentage rule fires with that probability,
 * drawn from a seeded generator so a run can be repeated. Thread-safe.
 */
public final class FaultInjector {

    private final List<Rule> rules = new ArrayList<>();

    /** The next {@code count} requests meet {@code fault}. */
    public synchronized FaultInjector nextRequests(int count, Fault fault) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1");
        }
        rules.add(new Rule(fault, count, 0, null));
        return this;
    }

    /** Each request meets {@code fault} with probability {@code percent}/100, from a generator seeded with {@code seed}. */
    public synchronized FaultInjector percentage(double percent, long seed, Fault fault) {
        if (percent <= 0 || percent > 100) {
            throw new IllegalArgumentException("percent must be in (0, 100]");
        }
        rules.add(new Rule(fault, 0, percent, new Random(seed)));
        return this;
    }

    public synchronized void clear() {
        rules.clear();
    }

    /** The fault the current request meets, if any; consumes one use of a count rule. */
    public synchronized Optional<Fault> next() {
        for (Rule rule : List.copyOf(rules)) {
            if (rule.random == null) {
                rule.remaining--;
                if (rule.remaining == 0) {
                    rules.remove(rule);
                }
                return Optional.of(rule.fault);
            }
            if (rule.random.nextDouble() * 100 < rule.percent) {
                return Optional.of(rule.fault);
            }
        }
        return Optional.empty();
    }

    /** How many rules are active (count rules disappear once used up). */
    public synchronized int activeRules() {
        return rules.size();
    }

    private static final class Rule {
        final Fault fault;
        int remaining;
        final double percent;
        /** The generator of a percentage rule; null for a count rule. */
        final @Nullable Random random;

        Rule(Fault fault, int remaining, double percent, @Nullable Random random) {
            this.fault = fault;
            this.remaining = remaining;
            this.percent = percent;
            this.random = random;
        }
    }
}
