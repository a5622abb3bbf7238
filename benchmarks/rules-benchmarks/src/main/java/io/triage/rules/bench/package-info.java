@NullMarked
package io.triage.rules.bench;

import org.jspecify.annotations.NullMarked;
