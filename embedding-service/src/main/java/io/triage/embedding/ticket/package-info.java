@NullMarked
package io.triage.embedding.ticket;

import org.jspecify.annotations.NullMarked;
