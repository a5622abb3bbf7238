@NullMarked
package io.triage.audit.report;

import org.jspecify.annotations.NullMarked;
