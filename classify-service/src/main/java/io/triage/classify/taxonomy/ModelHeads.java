package io.triage.classify.taxonomy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The heads one model version serves and each head's labels, in the model's order.
 *
 * @param version the registry version; -1 for no model
 * @param labels  labels by head name ({@code department}, {@code urgency}, {@code sentiment}; any subset)
 */
public record ModelHeads(long version, Map<String, List<String>> labels) {

    /** No model serves any head. */
    public static final ModelHeads NONE = new ModelHeads(-1, Map.of());

    public ModelHeads {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        labels.forEach((head, values) -> copy.put(head, List.copyOf(values)));
        labels = Map.copyOf(copy);
    }
}
