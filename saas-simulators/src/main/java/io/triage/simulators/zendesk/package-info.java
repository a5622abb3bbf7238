@NullMarked
package io.triage.simulators.zendesk;

import org.jspecify.annotations.NullMarked;
