@NullMarked
package io.triage.gdpr.certificate;

import org.jspecify.annotations.NullMarked;
