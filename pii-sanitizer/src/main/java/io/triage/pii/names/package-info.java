@NullMarked
package io.triage.pii.names;

import org.jspecify.annotations.NullMarked;
