@NullMarked
package io.triage.platform.scheduling;

import org.jspecify.annotations.NullMarked;
