/**
 * Right of access (GDPR Art. 15): a background job gathers a customer's data from ingestion-service and
 * classify-service into one document, kept encrypted until it expires.
 */
@NullMarked
package io.triage.gdpr.export;

import org.jspecify.annotations.NullMarked;
