@NullMarked
package io.triage.pii.replace;

import org.jspecify.annotations.NullMarked;
