/**
 * Signing in, with an API key or with OpenID Connect, into an HttpOnly, SameSite=Strict session; who is signed in;
 * the person's access token for the services, renewed with the refresh token.
 */
@NullMarked
package io.triage.console.session;

import org.jspecify.annotations.NullMarked;
