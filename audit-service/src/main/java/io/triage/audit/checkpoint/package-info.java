@NullMarked
package io.triage.audit.checkpoint;

import org.jspecify.annotations.NullMarked;
