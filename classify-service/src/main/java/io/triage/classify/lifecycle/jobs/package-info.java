/**
 * Training jobs: asynchronous training runs with progress, one at a time per deployment, and the weekly retraining.
 */
@NullMarked
package io.triage.classify.lifecycle.jobs;

import org.jspecify.annotations.NullMarked;
