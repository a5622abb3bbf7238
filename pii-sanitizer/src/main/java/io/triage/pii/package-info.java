@NullMarked
package io.triage.pii;

import org.jspecify.annotations.NullMarked;
