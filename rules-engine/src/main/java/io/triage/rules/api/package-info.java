@NullMarked
package io.triage.rules.api;

import org.jspecify.annotations.NullMarked;
