@NullMarked
package io.triage.embedding;

import org.jspecify.annotations.NullMarked;
