@NullMarked
package io.triage.benchmarks.embedding;

import org.jspecify.annotations.NullMarked;
