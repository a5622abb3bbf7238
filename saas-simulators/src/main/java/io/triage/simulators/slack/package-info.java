@NullMarked
package io.triage.simulators.slack;

import org.jspecify.annotations.NullMarked;
