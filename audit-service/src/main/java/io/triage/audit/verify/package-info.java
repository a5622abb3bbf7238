@NullMarked
package io.triage.audit.verify;

import org.jspecify.annotations.NullMarked;
