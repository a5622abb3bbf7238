@NullMarked
package io.triage.rules.config;

import org.jspecify.annotations.NullMarked;
