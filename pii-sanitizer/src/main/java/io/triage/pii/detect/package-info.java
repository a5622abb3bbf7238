@NullMarked
package io.triage.pii.detect;

import org.jspecify.annotations.NullMarked;
