/** Helpers for starting Spring Boot applications inside tests. */
@NullMarked
package io.triage.testsupport.boot;

import org.jspecify.annotations.NullMarked;
