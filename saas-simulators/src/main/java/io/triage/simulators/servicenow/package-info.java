@NullMarked
package io.triage.simulators.servicenow;

import org.jspecify.annotations.NullMarked;
