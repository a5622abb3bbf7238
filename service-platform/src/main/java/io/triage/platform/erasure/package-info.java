/** What the services share when they apply a GDPR erasure. */
@NullMarked
package io.triage.platform.erasure;

import org.jspecify.annotations.NullMarked;
