/**
 * The Helm chart (helm/triage) proven in the build: lint and render of every values file through helm itself
 * (helm-java), every manifest against the Kubernetes API schema of the target version
 * ({@link io.triage.systemtests.chart.KubernetesSchema}), and the availability guarantees of every Deployment
 * ({@link io.triage.systemtests.chart.ChartGuarantees}).
 */
@NullMarked
package io.triage.systemtests.chart;

import org.jspecify.annotations.NullMarked;
