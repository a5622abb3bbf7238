@NullMarked
package io.triage.audit.api;

import org.jspecify.annotations.NullMarked;
