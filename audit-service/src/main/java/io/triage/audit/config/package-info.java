@NullMarked
package io.triage.audit.config;

import org.jspecify.annotations.NullMarked;
