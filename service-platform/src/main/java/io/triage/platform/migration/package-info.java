/** Database migrations as a step of their own, before the service runs (see {@link io.triage.platform.migration.MigrateAndExitConfiguration}). */
@NullMarked
package io.triage.platform.migration;

import org.jspecify.annotations.NullMarked;
