@NullMarked
package io.triage.audit.archive;

import org.jspecify.annotations.NullMarked;
