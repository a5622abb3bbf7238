package io.triage.ingestion.mapping;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The outcome of reading a mapping document: the mapping when it has no problem, and every problem found.
 *
 * @param mapping  the mapping; absent when there is any problem
 * @param problems what is wrong, in document order
 */
public record MappingReport(@Nullable FieldMapping mapping, List<MappingProblem> problems) {

    public MappingReport {
        problems = List.copyOf(problems);
    }

    public boolean valid() {
        return problems.isEmpty();
    }
}
