@NullMarked
package io.triage.classify.benchmarks;

import org.jspecify.annotations.NullMarked;
