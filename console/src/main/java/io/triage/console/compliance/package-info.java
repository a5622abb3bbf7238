/** The Compliance page's calls: audit-service's chain verification, gdpr-service's erasure requests. */
@NullMarked
package io.triage.console.compliance;

import org.jspecify.annotations.NullMarked;
