/**
 * The deployment's taxonomy: the departments, urgencies, sentiments and channels tickets are classified into and
 * arrive through. Configuration gives them; for each head the production model serves, the model's labels replace
 * the configured ones, following promotions and rollbacks as they happen. Also maps the channel values of the
 * ticketing systems (ServiceNow {@code contact_type}, Zendesk {@code via.channel}) to the platform's channels.
 * Depends on no other package of the service: the model registry tells it what production serves through
 * {@code ServedLabels}.
 */
@NullMarked
package io.triage.classify.taxonomy;

import org.jspecify.annotations.NullMarked;
