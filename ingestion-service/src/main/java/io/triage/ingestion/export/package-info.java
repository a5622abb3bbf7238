/**
 * Right of access (GDPR Art. 15): everything ingestion-service holds of a customer, for gdpr-service's export.
 */
@NullMarked
package io.triage.ingestion.export;

import org.jspecify.annotations.NullMarked;
