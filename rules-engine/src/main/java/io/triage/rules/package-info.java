@NullMarked
package io.triage.rules;

import org.jspecify.annotations.NullMarked;
