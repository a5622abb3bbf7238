@NullMarked
package io.triage.platform.client;

import org.jspecify.annotations.NullMarked;
