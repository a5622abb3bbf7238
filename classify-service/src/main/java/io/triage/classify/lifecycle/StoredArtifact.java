package io.triage.classify.lifecycle;

/**
 * A model version's artifact as stored, with the checksum recorded at registration.
 *
 * @param version registry version
 * @param bytes   artifact bytes
 * @param sha256  recorded checksum
 */
public record StoredArtifact(long version, byte[] bytes, String sha256) {
}
