/**
 * The observability proof: grafana/'s dashboards and alert rules against a real Prometheus scraping the real
 * services ({@link io.triage.systemtests.observability.ObservabilityIT}), and their structure
 * ({@link io.triage.systemtests.observability.DashboardsTests}).
 */
@NullMarked
package io.triage.systemtests.observability;

import org.jspecify.annotations.NullMarked;
