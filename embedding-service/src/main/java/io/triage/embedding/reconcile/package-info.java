@NullMarked
package io.triage.embedding.reconcile;

import org.jspecify.annotations.NullMarked;
