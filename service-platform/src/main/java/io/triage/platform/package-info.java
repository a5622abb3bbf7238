@NullMarked
package io.triage.platform;

import org.jspecify.annotations.NullMarked;
