package io.triage.tickets;

import java.util.LinkedHashMap;
import java.util.Map;

/** The catalogs of every language in {@link TicketLabels#LANGUAGES}, read once and shared read-only. */
final class TemplateCatalogs {

    private static final TemplateCatalogs BUNDLED = new TemplateCatalogs();

    private final Map<String, TemplateCatalog> byLanguage;

    private TemplateCatalogs() {
        Map<String, TemplateCatalog> loaded = new LinkedHashMap<>();
        for (String language : TicketLabels.LANGUAGES) {
            loaded.put(language, TemplateCatalog.load(language));
        }
        this.byLanguage = Map.copyOf(loaded);
    }

    static TemplateCatalogs bundled() {
        return BUNDLED;
    }

    TemplateCatalog of(String language) {
        TemplateCatalog catalog = byLanguage.get(language);
        if (catalog == null) {
            throw new IllegalArgumentException("no templates for language " + language);
        }
        return catalog;
    }
}
