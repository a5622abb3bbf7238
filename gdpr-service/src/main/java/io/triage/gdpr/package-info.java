@NullMarked
package io.triage.gdpr;

import org.jspecify.annotations.NullMarked;
