/** End-to-end tests over several real services running side by side. */
@NullMarked
package io.triage.systemtests;

import org.jspecify.annotations.NullMarked;
