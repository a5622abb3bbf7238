/** A real HTTP server on loopback for tests to stand in for another service: routes, recorded requests, injected failures. */
@NullMarked
package io.triage.testsupport.stub;

import org.jspecify.annotations.NullMarked;
