package io.triage.classify.lifecycle.serving;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.triage.classify.model.ModelBundle;
import io.triage.classify.taxonomy.ModelHeads;

/**
 * A model version decoded and ready to answer.
 *
 * @param version registry version
 * @param sha256  checksum of the artifact it was decoded from
 * @param bundle  the model
 * @param heads   the heads it serves and their labels, computed once (the taxonomy reads them on every request)
 */
record LoadedModel(long version, String sha256, ModelBundle bundle, ModelHeads heads) {

    LoadedModel(long version, String sha256, ModelBundle bundle) {
        this(version, sha256, bundle, headsOf(version, bundle));
    }

    private static ModelHeads headsOf(long version, ModelBundle bundle) {
        Map<String, List<String>> labels = new LinkedHashMap<>();
        bundle.heads().forEach((head, linear) -> labels.put(head, linear.labels()));
        return new ModelHeads(version, labels);
    }
}
