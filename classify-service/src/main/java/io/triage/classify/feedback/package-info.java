/**
 * Feedback on decisions: accuracy per tier and class, cache reuse accuracy, forwarding to rules and embeddings.
 */
@NullMarked
package io.triage.classify.feedback;

import org.jspecify.annotations.NullMarked;
