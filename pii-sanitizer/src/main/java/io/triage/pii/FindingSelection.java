package io.triage.pii;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Chooses non-overlapping findings: the most confident wins, then the longest, so a Luhn-valid card number beats a
 * phone-shaped reading of the same digits and an e-mail address beats a name inside it.
 */
final class FindingSelection {

    private static final Comparator<Finding> PREFERENCE = Comparator.comparingDouble(Finding::score).reversed()
            .thenComparing(Comparator.comparingInt(Finding::length).reversed())
            .thenComparingInt(Finding::start);

    private FindingSelection() {
    }

    /** The chosen findings, sorted by start. */
    static List<Finding> choose(List<Finding> candidates) {
        List<Finding> ranked = new ArrayList<>(candidates);
        ranked.sort(PREFERENCE);
        TreeMap<Integer, Finding> chosen = new TreeMap<>();
        for (Finding candidate : ranked) {
            if (isFree(chosen, candidate)) {
                chosen.put(candidate.start(), candidate);
            }
        }
        return List.copyOf(chosen.values());
    }

    private static boolean isFree(TreeMap<Integer, Finding> chosen, Finding candidate) {
        Map.Entry<Integer, Finding> before = chosen.floorEntry(candidate.start());
        if (before != null && before.getValue().overlaps(candidate)) {
            return false;
        }
        Map.Entry<Integer, Finding> after = chosen.ceilingEntry(candidate.start());
        return after == null || !after.getValue().overlaps(candidate);
    }
}
