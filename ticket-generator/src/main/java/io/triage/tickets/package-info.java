@NullMarked
package io.triage.tickets;

import org.jspecify.annotations.NullMarked;
