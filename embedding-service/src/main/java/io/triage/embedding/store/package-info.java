@NullMarked
package io.triage.embedding.store;

import org.jspecify.annotations.NullMarked;
