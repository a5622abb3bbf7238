package io.triage.ingestion.mapping;

import java.util.List;
import java.util.Set;

/**
 * The labels this deployment classifies into (classify-service's {@code GET /taxonomy}), as far as a mapping needs
 * them: a mapping may only name these departments and urgencies.
 *
 * @param departments the departments
 * @param urgencies   the urgencies
 */
public record Taxonomy(Set<String> departments, Set<String> urgencies) {

    public Taxonomy {
        departments = Set.copyOf(departments);
        urgencies = Set.copyOf(urgencies);
    }

    public static Taxonomy of(List<String> departments, List<String> urgencies) {
        return new Taxonomy(Set.copyOf(departments), Set.copyOf(urgencies));
    }
}
