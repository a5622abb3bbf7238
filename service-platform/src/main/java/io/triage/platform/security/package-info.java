@NullMarked
package io.triage.platform.security;

import org.jspecify.annotations.NullMarked;
