package io.triage.console.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;

class MetricsExpositionTests {

    @Test
    void onlyTheSourcesSeriesCountAndOtherLabelsDoNotConfuseTheSourceTag() {
        MetricsExposition exposition = MetricsExposition.parse("""
                # HELP ingestion_pulls_total a "quoted" help text source="jira"
                ingestion_pulls_total{note="source=\\"jira\\"",outcome="failed",source="zendesk"} 4.0
                ingestion_pulls_total{outcome="failed",source="jira"} 1.0 1796288400000
                ingestion_pulls_total{outcome="failed",source="freshdesk"} 9.0
                other_failures_total{outcome="failed",source="jira"} 7.0
                """);

        assertThat(exposition.sources()).extracting(SourceHealth::source, SourceHealth::pullsFailed)
                .containsExactly(tuple("servicenow", 0L),
                        tuple("zendesk", 4L),
                        tuple("jira", 1L));
    }

    @Test
    void aSourceNotSeenYetHasNoLagRatherThanZero() {
        MetricsExposition exposition = MetricsExposition.parse("""
                ingestion_source_lag_seconds{source="servicenow"} NaN
                ingestion_source_lag_seconds{source="zendesk"} 0.0
                """);

        assertThat(exposition.sources()).extracting(SourceHealth::lagSeconds).containsExactly(null, 0L, null);
    }
}
