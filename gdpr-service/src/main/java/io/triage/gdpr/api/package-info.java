@NullMarked
package io.triage.gdpr.api;

import org.jspecify.annotations.NullMarked;
