package io.triage.testsupport.fuzz;

import org.jspecify.annotations.Nullable;

/**
 * One generated request body.
 *
 * @param inputClass  what kind of input it is (malformed, huge, deep, unicode, content-type, yaml, mutated)
 * @param description what exactly was done, to tell a finding apart and reproduce it by seed and index
 * @param contentType the {@code Content-Type} header, or {@code null} to send none
 * @param body        the raw bytes (not necessarily UTF-8)
 */
public record FuzzInput(String inputClass, String description, @Nullable String contentType, byte[] body) {

    @Override
    public String toString() {
        return inputClass + " [" + description + "] " + contentType + ", " + body.length + " bytes";
    }
}
