/** The Models page's calls: classify-service's model registry, training jobs, evaluation reports and promotion. */
@NullMarked
package io.triage.console.models;

import org.jspecify.annotations.NullMarked;
