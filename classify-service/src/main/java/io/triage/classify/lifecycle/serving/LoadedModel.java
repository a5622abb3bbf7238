package io.triage.classify.lifecycle.serving;

import io.triage.classify.model.ModelBundle;

/**
 * A model version decoded and ready to answer.
 *
 * @param version registry version
 * @param sha256  checksum of the artifact it was decoded from
 * @param bundle  the model
 */
record LoadedModel(long version, String sha256, ModelBundle bundle) {
}
