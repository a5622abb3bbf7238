/** The ML tier's model: TF-IDF and sentence features, linear heads, neighbour vote, artefact encoding. */
@NullMarked
package io.triage.classify.model;

import org.jspecify.annotations.NullMarked;
