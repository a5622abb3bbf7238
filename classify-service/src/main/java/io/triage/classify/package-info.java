/**
 * classify-service: the application class; the features live in the sub-packages (see the README's "Where things
 * live").
 */
@NullMarked
package io.triage.classify;

import org.jspecify.annotations.NullMarked;
