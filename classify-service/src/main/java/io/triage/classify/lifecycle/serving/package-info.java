/**
 * Model serving: the production and canary models loaded from the registry, kept current by a poller, and the ML
 * tier's {@code ModelTier} over them.
 */
@NullMarked
package io.triage.classify.lifecycle.serving;

import org.jspecify.annotations.NullMarked;
