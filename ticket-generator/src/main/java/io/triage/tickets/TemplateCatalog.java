package io.triage.tickets;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The phrasing of one language, read from {@code templates-<language>.txt} on the class path: scenarios per
 * department and the named line lists (cues, openings, closings, values). Lists keep file order, so draws
 * are reproducible.
 */
final class TemplateCatalog {

    private final String language;
    private final List<Scenario> scenarios;
    private final Map<String, List<String>> sections;

    private TemplateCatalog(String language, List<Scenario> scenarios, Map<String, List<String>> sections) {
        this.language = language;
        this.scenarios = List.copyOf(scenarios);
        this.sections = Map.copyOf(sections);
    }

    static TemplateCatalog load(String language) {
        String resource = "templates-" + language + ".txt";
        try (InputStream stream = TemplateCatalog.class.getResourceAsStream(resource)) {
            if (stream == null) {
                throw new IllegalStateException("missing template resource " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8));
            return parse(language, reader.lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    static TemplateCatalog parse(String language, List<String> lines) {
        List<Scenario> scenarios = new ArrayList<>();
        Map<String, List<String>> sections = new LinkedHashMap<>();
        String[] scenarioHeader = null;
        List<String> subjects = new ArrayList<>();
        List<String> bodies = new ArrayList<>();
        List<String> section = null;
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                addScenario(scenarios, scenarioHeader, subjects, bodies);
                scenarioHeader = null;
                section = null;
                subjects = new ArrayList<>();
                bodies = new ArrayList<>();
                String header = line.substring(1, line.length() - 1).strip();
                if (header.startsWith("scenario ")) {
                    scenarioHeader = header.split(" ");
                } else {
                    section = sections.computeIfAbsent(header, key -> new ArrayList<>());
                }
            } else if (scenarioHeader != null && line.startsWith("subject:")) {
                subjects.add(unescape(line.substring("subject:".length()).strip()));
            } else if (scenarioHeader != null && line.startsWith("body:")) {
                bodies.add(unescape(line.substring("body:".length()).strip()));
            } else if (section != null) {
                section.add(line.equals("-") ? "" : unescape(line));
            } else {
                throw new IllegalStateException(language + ": line outside a section: " + line);
            }
        }
        addScenario(scenarios, scenarioHeader, subjects, bodies);
        return new TemplateCatalog(language, scenarios, sections);
    }

    String language() {
        return language;
    }

    List<Scenario> scenarios(String department) {
        return scenarios.stream().filter(scenario -> scenario.department().equals(department)).toList();
    }

    /** The lines of a section such as {@code "urgency High"}, or an empty list when this language has none. */
    List<String> lines(String section) {
        return sections.getOrDefault(section, List.of());
    }

    private static void addScenario(List<Scenario> scenarios, String @Nullable [] header, List<String> subjects,
            List<String> bodies) {
        if (header == null) {
            return;
        }
        // [scenario <department words...> <case> <severity>]
        String department = String.join(" ", List.of(header).subList(1, header.length - 2));
        if (!TicketLabels.DEPARTMENTS.contains(department) || subjects.isEmpty() || bodies.isEmpty()) {
            throw new IllegalStateException("bad scenario " + String.join(" ", header));
        }
        scenarios.add(new Scenario(department, header[header.length - 2], Integer.parseInt(header[header.length - 1]),
                List.copyOf(subjects), List.copyOf(bodies)));
    }

    private static String unescape(String text) {
        return text.replace("\\n", "\n");
    }
}
