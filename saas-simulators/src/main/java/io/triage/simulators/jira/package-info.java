@NullMarked
package io.triage.simulators.jira;

import org.jspecify.annotations.NullMarked;
