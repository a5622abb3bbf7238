@NullMarked
package io.triage.rules.stats;

import org.jspecify.annotations.NullMarked;
