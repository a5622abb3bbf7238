@NullMarked
package io.triage.benchmarks.pii;

import org.jspecify.annotations.NullMarked;
