@NullMarked
package io.triage.embedding.sync;

import org.jspecify.annotations.NullMarked;
