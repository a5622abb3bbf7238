package io.triage.platform;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Set;
import java.util.StringJoiner;

import org.jspecify.annotations.Nullable;

/**
 * The {@code toString} of a configuration record that holds secrets (keys, passwords, tokens, connection strings):
 * every component as the record would show it, except the named secret ones, which read {@code <hidden>} when set
 * and {@code <none>} when empty, so a logged or printed configuration (startup failure, actuator, debugger) never
 * carries the secret.
 */
public final class SecretMasking {

    /** What a set secret reads as. */
    public static final String HIDDEN = "<hidden>";
    /** What an empty or absent secret reads as. */
    public static final String NONE = "<none>";

    private SecretMasking() {
    }

    /**
     * {@code Name[a=1, apiKey=<hidden>, b=x]} for {@code record}, masking the components named in {@code secrets}.
     *
     * @throws IllegalArgumentException when a name in {@code secrets} is not a component of the record (a renamed
     *     component must not silently become visible)
     */
    public static String toString(Record record, String... secrets) {
        Set<String> masked = Set.of(secrets);
        RecordComponent[] components = record.getClass().getRecordComponents();
        long known = Arrays.stream(components).map(RecordComponent::getName).filter(masked::contains)
                .count();
        if (known != masked.size()) {
            throw new IllegalArgumentException(record.getClass().getSimpleName() + " has no component among "
                    + masked);
        }
        StringJoiner out = new StringJoiner(", ", record.getClass().getSimpleName() + "[", "]");
        for (RecordComponent component : components) {
            Object value = valueOf(record, component);
            out.add(component.getName() + "=" + (masked.contains(component.getName()) ? mask(value) : value));
        }
        return out.toString();
    }

    /** {@code <hidden>} for a set secret, {@code <none>} for an empty or absent one. */
    public static String mask(@Nullable Object secret) {
        return secret == null || secret.toString().isBlank() ? NONE : HIDDEN;
    }

    private static @Nullable Object valueOf(Record record, RecordComponent component) {
        try {
            var accessor = component.getAccessor();
            accessor.setAccessible(true);
            return accessor.invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + component.getName(), e);
        }
    }
}
