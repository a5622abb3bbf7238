@NullMarked
package io.triage.simulators;

import org.jspecify.annotations.NullMarked;
