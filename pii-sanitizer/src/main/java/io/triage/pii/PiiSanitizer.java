package io.triage.pii;

import io.triage.pii.replace.Replacer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Finds personal data with a set of {@link Detector}s, replaces it and normalises the result.
 *
 * <p>Contract: for any input (null, empty, huge, arbitrary Unicode) it either returns a fully sanitised text or
 * throws {@link PiiSanitizationException}; it never passes raw text through when a detector fails. Thread-safe.
 */
public final class PiiSanitizer {

    private final List<Detector> detectors;
    private final Replacer replacer;
    private final Normalizer normalizer;
    private final boolean revealValues;

    /**
     * @param detectors    the detectors to run, all of them on every text
     * @param replacer     how findings are written
     * @param revealValues whether findings carry raw values (only for trusted callers such as evaluation)
     */
    public PiiSanitizer(List<Detector> detectors, Replacer replacer, boolean revealValues) {
        this.detectors = List.copyOf(detectors);
        this.replacer = Objects.requireNonNull(replacer, "replacer");
        this.normalizer = new Normalizer();
        this.revealValues = revealValues;
    }

    /** Sanitises one text; {@code null} and empty text give {@link SanitizedText#EMPTY}. */
    public SanitizedText sanitize(@Nullable String text) {
        if (text == null || text.isEmpty()) {
            return SanitizedText.EMPTY;
        }
        // Detect on the NFKC form so full-width digits and ligatures cannot hide a value from the patterns.
        String input = Normalizer.nfkc(text);
        try {
            List<Finding> findings = find(input);
            String replaced = replacer.replace(input, findings);
            List<Finding> reported = revealValues
                    ? findings.stream().map(f -> f.withValueFrom(input)).toList()
                    : findings;
            return new SanitizedText(normalizer.normalize(replaced), reported);
        } catch (RuntimeException | StackOverflowError e) {
            throw new PiiSanitizationException("sanitising failed; the text must not be used unsanitised", e);
        }
    }

    /** The chosen, non-overlapping findings in {@code text} as given (no NFKC step), without replacing anything. */
    public List<Finding> find(String text) {
        List<Finding> candidates = new ArrayList<>();
        for (Detector detector : detectors) {
            candidates.addAll(detector.detect(text));
        }
        return FindingSelection.choose(candidates);
    }

    /** Names of the detectors in use, for start-up logs and health details. */
    public List<String> detectorNames() {
        return detectors.stream().map(Detector::name).toList();
    }
}
