package io.triage.systemtests.chart;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import org.yaml.snakeyaml.Yaml;

/**
 * helm/triage rendered and linted by helm itself (helm-java, in-process), per values file. Renders of the chart as
 * committed are cached, so the test classes share one render per values file.
 */
public final class HelmChart {

    /** The chart as committed. */
    public static final Path CHART = Path.of("..", "helm", "triage");

    /** The values files a deployment uses: the defaults alone, a local cluster, AKS. */
    public static final List<String> VALUES_FILES = List.of("values.yaml", "values-local.yaml", "values-aks.yaml");

    private static final String HOOK = "helm.sh/hook";

    private static final String MASKED_HOOK = "rendered-for-test.triage.io/hook";

    private static final Map<String, List<Map<String, Object>>> RENDERS = new ConcurrentHashMap<>();

    private HelmChart() {
    }

    /** The manifests of the committed chart with one values file (values.yaml: the defaults alone), cached. */
    public static List<Map<String, Object>> render(String valuesFile) {
        return RENDERS.computeIfAbsent(valuesFile, file -> render(CHART, file, t -> t));
    }

    /**
     * The manifests of a chart directory with one values file and further --set options. Migration Jobs come as
     * plain manifests: helm-java returns the release manifest, which leaves hooks out.
     */
    public static List<Map<String, Object>> render(Path chart, String valuesFile,
            UnaryOperator<TemplateCommand> options) {
        TemplateCommand template = new Helm(chart).template().withName("triage");
        if (!"values.yaml".equals(valuesFile)) {
            template = template.withValuesFile(chart.resolve(valuesFile));
        }
        String manifests = options.apply(template.set("migrations.helmHook", "false")).call();
        return parse(manifests);
    }

    /**
     * The manifests of the committed chart with one values file, hooks included (migration Jobs as the
     * pre-install/pre-upgrade hooks they are in a release). helm-java returns the release manifest without hooks, so
     * a copy of the chart names the hook annotation differently for rendering; it is restored in the parsed manifests,
     * where weights and delete policies can then be read as helm would.
     */
    public static List<Map<String, Object>> renderWithHooks(String valuesFile) {
        Path copy = copy(CHART);
        try {
            try (Stream<Path> templates = Files.list(copy.resolve("templates"))) {
                for (Path template : templates.toList()) {
                    Files.writeString(template, Files.readString(template).replace(HOOK + ":", MASKED_HOOK + ":"));
                }
            }
            TemplateCommand template = new Helm(copy).template().withName("triage").set("migrations.helmHook", "true");
            if (!"values.yaml".equals(valuesFile)) {
                template = template.withValuesFile(copy.resolve(valuesFile));
            }
            List<Map<String, Object>> docs = parse(template.call());
            for (Map<String, Object> doc : docs) {
                Map<String, Object> annotations = Manifests.map(Manifests.map(doc, "metadata"), "annotations");
                if (annotations.containsKey(MASKED_HOOK)) {
                    annotations.put(HOOK, annotations.remove(MASKED_HOOK));
                }
            }
            return docs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            delete(copy);
        }
    }

    /**
     * helm lint --strict of the chart with one values file. helm-java's lint takes no values file, so a copy of the
     * chart gets the defaults merged with the file (maps merged key by key, anything else replaced, as helm does).
     */
    public static LintResult lint(String valuesFile) {
        if ("values.yaml".equals(valuesFile)) {
            return new Helm(CHART).lint().strict().call();
        }
        Path copy = copy(CHART);
        try {
            Map<String, Object> merged = merge(load(CHART.resolve("values.yaml")), load(CHART.resolve(valuesFile)));
            Files.writeString(copy.resolve("values.yaml"), new Yaml().dump(merged));
            return new Helm(copy).lint().strict().call();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            delete(copy);
        }
    }

    /** A copy of a chart directory in a new temporary directory (for tests that break it on purpose). */
    public static Path copy(Path chart) {
        try {
            Path target = Files.createTempDirectory("triage-chart").resolve("triage");
            try (Stream<Path> files = Files.walk(chart)) {
                for (Path file : files.toList()) {
                    Path to = target.resolve(chart.relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(to);
                    } else {
                        Files.copy(file, to);
                    }
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes a copy made by {@link #copy(Path)}, with its temporary parent directory. */
    public static void delete(Path copy) {
        try (Stream<Path> files = Files.walk(copy.getParent())) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The manifests with each container's envFrom ConfigMaps resolved: their data appended to its env as plain
     * entries, so a test reads the environment the container gets, wherever the chart puts a variable.
     */
    public static List<Map<String, Object>> withEffectiveEnvironment(List<Map<String, Object>> docs) {
        Map<String, Map<String, Object>> configMaps = new LinkedHashMap<>();
        Manifests.kind(docs, "ConfigMap").forEach(c -> configMaps.put(Manifests.name(c), Manifests.map(c, "data")));
        for (Map<String, Object> doc : docs) {
            Map<String, Object> pod = Manifests.map(Manifests.map(Manifests.map(doc, "spec"), "template"), "spec");
            for (Map<String, Object> container : Manifests.list(pod, "containers")) {
                List<Map<String, Object>> env = new ArrayList<>(Manifests.list(container, "env"));
                for (Map<String, Object> from : Manifests.list(container, "envFrom")) {
                    String name = String.valueOf(Manifests.map(from, "configMapRef").get("name"));
                    configMaps.getOrDefault(name, Map.of()).forEach((variable, value) ->
                            env.add(Map.of("name", variable, "value", value)));
                }
                container.put("env", env);
            }
        }
        return docs;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> parse(String manifests) {
        List<Map<String, Object>> docs = new ArrayList<>();
        for (Object doc : new Yaml().loadAll(manifests)) {
            if (doc instanceof Map<?, ?> map) {
                docs.add((Map<String, Object>) map);
            }
        }
        return docs;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> load(Path file) throws IOException {
        Object values = new Yaml().load(Files.readString(file));
        return values == null ? Map.of() : (Map<String, Object>) values;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> merge(Map<String, Object> base, Map<String, Object> overlay) {
        Map<String, Object> merged = new LinkedHashMap<>(base);
        overlay.forEach((key, value) -> merged.merge(key, value, (old, next) ->
                old instanceof Map<?, ?> oldMap && next instanceof Map<?, ?> nextMap
                        ? merge((Map<String, Object>) oldMap, (Map<String, Object>) nextMap)
                        : next));
        return merged;
    }
}
