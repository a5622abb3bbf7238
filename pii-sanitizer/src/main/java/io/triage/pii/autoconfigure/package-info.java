@NullMarked
package io.triage.pii.autoconfigure;

import org.jspecify.annotations.NullMarked;
