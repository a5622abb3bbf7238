package io.triage.ingestion.writeback;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One request of a write-back as it goes on the wire: the dry run shows it, the source's client sends exactly it.
 *
 * @param method the HTTP method
 * @param path   the path under the source's base URL, ids encoded
 * @param body   the JSON body, in the order it is written
 */
public record PlannedRequest(String method, String path, Map<String, Object> body) {

    public PlannedRequest {
        body = Collections.unmodifiableMap(new LinkedHashMap<>(body));
    }
}
