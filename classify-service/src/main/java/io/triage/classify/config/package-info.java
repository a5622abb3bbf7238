/**
 * Wiring: the declarative HTTP clients of the services classify-service calls and the choice of model store.
 */
@NullMarked
package io.triage.classify.config;

import org.jspecify.annotations.NullMarked;
