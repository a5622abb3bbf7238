/** The console's settings and its session-based security in front of the pages and /api. */
@NullMarked
package io.triage.console.config;

import org.jspecify.annotations.NullMarked;
