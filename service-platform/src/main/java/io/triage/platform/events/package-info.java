/**
 * Housekeeping of Spring Modulith's event publication registry ({@code event_publication}): completed publications
 * purged after a retention, publications that failed too often moved to a dead letter, and the bounded executor the
 * asynchronous event listeners run on.
 */
@NullMarked
package io.triage.platform.events;

import org.jspecify.annotations.NullMarked;
