/**
 * Right of access (GDPR Art. 15): a customer's decisions and the feedback (validated labels) given on them, for
 * gdpr-service's export.
 */
@NullMarked
package io.triage.classify.export;

import org.jspecify.annotations.NullMarked;
