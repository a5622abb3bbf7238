/** Calls to the suite's services with the signed-in user's credentials, answers passed through. */
@NullMarked
package io.triage.console.upstream;

import org.jspecify.annotations.NullMarked;
