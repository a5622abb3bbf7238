@NullMarked
package io.triage.audit;

import org.jspecify.annotations.NullMarked;
