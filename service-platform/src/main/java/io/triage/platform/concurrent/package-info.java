/**
 * Small concurrency helpers shared by the services: values from a shared store kept in memory and read again in the
 * background.
 */
@NullMarked
package io.triage.platform.concurrent;

import org.jspecify.annotations.NullMarked;
