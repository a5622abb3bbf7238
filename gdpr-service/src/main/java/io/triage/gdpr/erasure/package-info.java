@NullMarked
package io.triage.gdpr.erasure;

import org.jspecify.annotations.NullMarked;
