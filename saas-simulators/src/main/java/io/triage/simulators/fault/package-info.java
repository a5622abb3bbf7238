@NullMarked
package io.triage.simulators.fault;

import org.jspecify.annotations.NullMarked;
