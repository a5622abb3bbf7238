package io.triage.classify.lifecycle.provenance;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.triage.classify.training.LabelledText;
import io.triage.classify.training.TrainingSet;

/**
 * Training examples with where they came from: for {@link TrainingOrigin#TICKETS} one subject per example, in the
 * same order.
 *
 * @param set      the labelled texts
 * @param origin   tickets or a file
 * @param subjects whose tickets the examples are (empty for a file)
 */
public record TrainingData(TrainingSet set, TrainingOrigin origin, List<TrainingSubject> subjects) {

    public TrainingData {
        subjects = List.copyOf(subjects);
        if (origin == TrainingOrigin.TICKETS && subjects.size() != set.examples().size()) {
            throw new IllegalArgumentException("one subject per example is needed for tickets");
        }
    }

    /** Examples from a labelled file: no subjects. */
    public static TrainingData file(TrainingSet set) {
        return new TrainingData(set, TrainingOrigin.FILE, List.of());
    }

    /** The same data without the examples of the given customers (keyed hashes). */
    public TrainingData without(Set<String> erasedCustomers) {
        if (origin != TrainingOrigin.TICKETS || erasedCustomers.isEmpty()) {
            return this;
        }
        List<LabelledText> examples = new ArrayList<>();
        List<TrainingSubject> kept = new ArrayList<>();
        for (int i = 0; i < subjects.size(); i++) {
            TrainingSubject subject = subjects.get(i);
            if (subject.customerHash() == null || !erasedCustomers.contains(subject.customerHash())) {
                examples.add(set.examples().get(i));
                kept.add(subject);
            }
        }
        return new TrainingData(new TrainingSet(examples, set.heads()), origin, kept);
    }
}
