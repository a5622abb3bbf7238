package io.triage.systemtests.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.triage.testsupport.JsonBody;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;

/**
 * grafana/dashboards are Grafana dashboards Grafana can provision: a uid and title each (unique), panels with unique
 * ids, a type, a grid position, the Prometheus data source variable and at least one target with a query; the
 * provisioning files point at them. ObservabilityIT runs the queries themselves.
 */
class DashboardsTests {

    private static final Set<String> PANEL_TYPES = Set.of("timeseries", "stat", "table", "gauge", "bargauge");
    private static final String DATASOURCE = "${datasource}";

    @Test
    void theBacklogsDashboardsAreThere() throws IOException {
        assertThat(PromQueries.dashboardFiles()).extracting(file -> file.getFileName().toString())
                .contains("triage-api.json", "triage-model.json", "triage-cost.json", "triage-rules.json",
                        "triage-ingestion.json", "triage-gdpr.json");
    }

    @Test
    void everyDashboardIsWellFormedGrafanaJson() throws IOException {
        Set<String> uids = new HashSet<>();
        for (Path file : PromQueries.dashboardFiles()) {
            JsonNode dashboard = PromQueries.dashboard(file);
            String name = file.getFileName().toString();
            assertThat(dashboard.path("uid").asString()).as("%s uid", name).isNotBlank();
            assertThat(uids.add(dashboard.path("uid").asString())).as("%s uid is unique", name).isTrue();
            assertThat(dashboard.path("title").asString()).as("%s title", name).isNotBlank();
            assertThat(dashboard.path("schemaVersion").asInt()).as("%s schemaVersion", name).isPositive();
            assertThat(JsonBody.elements(dashboard.path("templating").path("list")))
                    .as("%s has the data source variable", name)
                    .anySatisfy(variable -> {
                        assertThat(variable.path("name").asString()).isEqualTo("datasource");
                        assertThat(variable.path("query").asString()).isEqualTo("prometheus");
                    });
            List<JsonNode> panels = JsonBody.elements(dashboard.path("panels"));
            assertThat(panels).as("%s panels", name).isNotEmpty();
            assertThat(panels).extracting(panel -> panel.path("id").asInt()).as("%s panel ids", name)
                    .doesNotHaveDuplicates().allSatisfy(id -> assertThat(id).isPositive());
            for (JsonNode panel : panels) {
                wellFormedPanel(name + " / " + panel.path("title").asString(), panel);
            }
        }
    }

    private static void wellFormedPanel(String name, JsonNode panel) {
        assertThat(panel.path("title").asString()).as("%s title", name).isNotBlank();
        assertThat(panel.path("type").asString()).as("%s type", name).isIn(PANEL_TYPES);
        assertThat(panel.path("gridPos").path("w").asInt()).as("%s width", name).isBetween(1, 24);
        assertThat(panel.path("gridPos").path("h").asInt()).as("%s height", name).isPositive();
        assertThat(panel.path("datasource").path("type").asString()).as("%s data source", name)
                .isEqualTo("prometheus");
        assertThat(panel.path("datasource").path("uid").asString()).as("%s data source", name).isEqualTo(DATASOURCE);
        List<JsonNode> targets = JsonBody.elements(panel.path("targets"));
        assertThat(targets).as("%s targets", name).isNotEmpty();
        assertThat(targets).extracting(target -> target.path("refId").asString()).as("%s refIds", name)
                .doesNotHaveDuplicates().allSatisfy(refId -> assertThat(refId).isNotBlank());
        assertThat(targets).as("%s queries", name).allSatisfy(target -> {
            assertThat(target.path("expr").asString()).isNotBlank();
            assertThat(target.path("datasource").path("uid").asString()).isEqualTo(DATASOURCE);
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void provisioningLoadsTheDashboardsFolderAndAPrometheusDataSource() throws IOException {
        Map<String, Object> dashboards = yaml(PromQueries.GRAFANA.resolve("provisioning/dashboards/triage.yml"));
        List<Map<String, Object>> providers = (List<Map<String, Object>>) dashboards.get("providers");
        assertThat(providers).singleElement().satisfies(provider -> {
            assertThat(provider.get("type")).isEqualTo("file");
            assertThat((Map<String, Object>) provider.get("options")).containsKey("path");
        });
        Map<String, Object> datasources = yaml(PromQueries.GRAFANA.resolve("provisioning/datasources/prometheus.yml"));
        assertThat((List<Map<String, Object>>) datasources.get("datasources")).singleElement()
                .satisfies(source -> assertThat(source.get("type")).isEqualTo("prometheus"));
    }

    @Test
    void alertExpressionsAreReducedToTheSeriesUnderThem() {
        List<String> operands = new ArrayList<>(PromQueries.seriesUnder("""
                sum by (source) (increase(ingestion_pulls_total{outcome="failed"}[3h])) > 2.5
                  unless on (source) sum by (source) (increase(ingestion_pulls_total{outcome="succeeded"}[3h])) > 0"""));
        operands.addAll(PromQueries.seriesUnder("up{job=~\"triage.*\"} == 0"));
        operands.addAll(PromQueries.seriesUnder("time() - max by (source) (x_seconds) > 7200"));

        assertThat(operands).containsExactly(
                "sum by (source) (increase(ingestion_pulls_total{outcome=\"failed\"}[3h]))",
                "sum by (source) (increase(ingestion_pulls_total{outcome=\"succeeded\"}[3h]))",
                "up{job=~\"triage.*\"}",
                "time() - max by (source) (x_seconds)");
    }

    private static Map<String, Object> yaml(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file)) {
            return new Yaml().load(reader);
        }
    }
}
