/**
 * A seeded fuzz pass over a service's JSON and YAML endpoints (security review, issue 19): malformed, huge, deeply
 * nested and odd-Unicode bodies, wrong content types and YAML bombs, from mutations of a valid example per endpoint.
 * A service's IT implements {@link io.triage.testsupport.fuzz.FuzzContract}; the rule is no 5xx and no process death.
 */
@NullMarked
package io.triage.testsupport.fuzz;

import org.jspecify.annotations.NullMarked;
