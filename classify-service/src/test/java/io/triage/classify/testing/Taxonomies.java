package io.triage.classify.testing;

import java.util.HashMap;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.triage.classify.taxonomy.Labels;
import io.triage.classify.taxonomy.ModelHeads;
import io.triage.classify.taxonomy.SourceChannels;
import io.triage.classify.taxonomy.Taxonomy;
import io.triage.classify.taxonomy.TaxonomyProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The taxonomy without a Spring context, bound from properties the way the service binds them. */
public final class Taxonomies {

    private Taxonomies() {
    }

    /** {@code triage.classify.taxonomy.*} bound from {@code settings} (keys without the prefix), defaults elsewhere. */
    public static TaxonomyProperties properties(Map<String, String> settings) {
        Map<String, String> prefixed = new HashMap<>();
        settings.forEach((key, value) -> prefixed.put("triage.classify.taxonomy." + key, value));
        return new Binder(new MapConfigurationPropertySource(prefixed))
                .bindOrCreate("triage.classify.taxonomy", TaxonomyProperties.class);
    }

    /** The default labels, as a deployment without configuration or production model has them. */
    public static Labels defaults() {
        return new Taxonomy(properties(Map.of()), () -> ModelHeads.NONE).current();
    }

    /** The default source channel maps. */
    public static SourceChannels sourceChannels(MeterRegistry meters) {
        return new SourceChannels(properties(Map.of()), meters);
    }
}
