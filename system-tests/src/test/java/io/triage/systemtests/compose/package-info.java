/**
 * docker-compose.yml proven without a compose engine: its structure is checked against the services' own
 * configuration (modules, ports, property names from the configuration metadata, health checks, Postgres and Redis,
 * the Prometheus scrape targets and key, Grafana's provisioning, Qdrant behind its profile) by
 * {@link io.triage.systemtests.compose.ComposeChecks}.
 */
@NullMarked
package io.triage.systemtests.compose;

import org.jspecify.annotations.NullMarked;
