@NullMarked
package io.triage.audit.erasure;

import org.jspecify.annotations.NullMarked;
