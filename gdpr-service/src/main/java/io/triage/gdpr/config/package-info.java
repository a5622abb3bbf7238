@NullMarked
package io.triage.gdpr.config;

import org.jspecify.annotations.NullMarked;
