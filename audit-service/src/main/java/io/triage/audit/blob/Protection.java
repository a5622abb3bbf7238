package io.triage.audit.blob;

import java.time.Period;

import org.jspecify.annotations.Nullable;

/**
 * What a blob gets on top of write-once creation, where the container has version-level immutability: a time-based
 * immutability policy of {@code retain} from the upload ({@code null}: none), locked or not, and a legal hold.
 */
public record Protection(@Nullable Period retain, boolean locked, boolean legalHold) {
}
