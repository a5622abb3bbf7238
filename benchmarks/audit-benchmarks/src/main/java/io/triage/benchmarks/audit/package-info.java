@NullMarked
package io.triage.benchmarks.audit;

import org.jspecify.annotations.NullMarked;
