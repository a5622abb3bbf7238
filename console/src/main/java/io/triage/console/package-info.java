/** The suite's web console: static pages and a backend-for-frontend over the services' APIs. */
@NullMarked
package io.triage.console;

import org.jspecify.annotations.NullMarked;
