package io.triage.tickets;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Every random choice of a generator, drawn from one seeded source. Bounded draws are derived from
 * {@code nextLong()} here rather than from the JDK's bounded methods, whose algorithms a JDK may change,
 * so a seed yields the same tickets on any JDK.
 */
final class Dice {

    private final RandomGenerator source;

    Dice(RandomGenerator source) {
        this.source = source;
    }

    /** Uniform in [0, bound). */
    int below(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive: " + bound);
        }
        return (int) (((source.nextLong() >>> 32) * bound) >>> 32);
    }

    /** Uniform in [min, max], both inclusive. */
    int between(int min, int max) {
        return min + below(max - min + 1);
    }

    /** Uniform in [0, 1). */
    double unit() {
        return (source.nextLong() >>> 11) * 0x1.0p-53;
    }

    boolean chance(double probability) {
        return unit() < probability;
    }

    <T> T pick(List<T> options) {
        return options.get(below(options.size()));
    }

    char pick(String characters) {
        return characters.charAt(below(characters.length()));
    }

    /** Index drawn in proportion to {@code weights}. */
    int weighted(double[] weights) {
        double total = 0;
        for (double weight : weights) {
            total += weight;
        }
        double target = unit() * total;
        for (int i = 0; i < weights.length; i++) {
            target -= weights[i];
            if (target < 0 && weights[i] > 0) {
                return i;
            }
        }
        for (int i = weights.length - 1; i >= 0; i--) {
            if (weights[i] > 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("no positive weight");
    }

    /** A string of {@code count} decimal digits (leading zeros allowed). */
    String digits(int count) {
        StringBuilder digits = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            digits.append((char) ('0' + below(10)));
        }
        return digits.toString();
    }

    String letters(int count) {
        StringBuilder letters = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            letters.append((char) ('A' + below(26)));
        }
        return letters.toString();
    }
}
