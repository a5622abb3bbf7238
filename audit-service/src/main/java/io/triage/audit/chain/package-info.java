@NullMarked
package io.triage.audit.chain;

import org.jspecify.annotations.NullMarked;
