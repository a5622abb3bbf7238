/** Signing in with an API key into an HttpOnly, SameSite=Strict session; who is signed in. */
@NullMarked
package io.triage.console.session;

import org.jspecify.annotations.NullMarked;
