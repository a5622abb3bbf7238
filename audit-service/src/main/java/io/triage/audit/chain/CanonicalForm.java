package io.triage.audit.chain;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * The canonical bytes of an event (documented in the README so a third party can recompute them): each field as a
 * 4-byte big-endian length and its UTF-8 bytes (length {@code -1} and no bytes for an absent field), in a fixed
 * order. {@code audit-event/v1} (rows recorded before the keyed chain): {@code hash = SHA-256(prevHash || bytes)};
 * {@code audit-event/v2} adds the on-behalf-of pseudonym as a last field and is hashed with a key, see
 * {@link ChainHasher}. The chain position and the plain ids are deliberately not covered: position is implied by
 * the {@code prevHash} links, and the plain ids must stay erasable.
 */
public final class CanonicalForm {

    public static final String VERSION = "audit-event/v1";
    public static final String KEYED_VERSION = "audit-event/v2";
    public static final byte[] GENESIS = new byte[32];

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private CanonicalForm() {
    }

    /** The {@code audit-event/v1} bytes. */
    public static byte[] bytes(AuditEvent e) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        writeCommon(out, VERSION, e);
        return out.toByteArray();
    }

    /**
     * The {@code audit-event/v2} bytes: v1's fields under the v2 name, then the on-behalf-of pseudonym. Sized for a
     * typical event (three 64-hex pseudonyms alone are 192 bytes, ~500 in all), so the buffer does not grow twice.
     */
    public static byte[] keyedBytes(AuditEvent e) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(640);
        writeCommon(out, KEYED_VERSION, e);
        write(out, e.onBehalfOfRef());
        return out.toByteArray();
    }

    private static void writeCommon(ByteArrayOutputStream out, String version, AuditEvent e) {
        Prediction p = e.prediction();
        for (String field : new String[] {version, e.eventId().toString(), time(e.recordedAt()), time(e.decidedAt()),
                e.ticketRef(), e.userRef(), e.modelVersion(), e.ruleSetVersion(), e.routingMethod().name(),
                p.department(), p.urgency(), p.sentiment(), confidence(e.confidence()), e.channel(), e.language(),
                e.customerSegment(), latencies(e.tierLatenciesMicros()), e.traceId()}) {
            write(out, field);
        }
    }

    /** The unkeyed {@code audit-event/v1} hash, {@code SHA-256(prevHash || bytes)}. */
    public static byte[] hash(byte[] prevHash, AuditEvent event) {
        MessageDigest sha = sha256();
        sha.update(prevHash);
        return sha.digest(bytes(event));
    }

    /** Timestamps are hashed at the database's precision (microseconds), always in UTC. */
    public static Instant truncate(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    public static String time(Instant instant) {
        return TIME.format(truncate(instant));
    }

    public static String confidence(BigDecimal confidence) {
        return confidence.setScale(6, RoundingMode.HALF_EVEN).toPlainString();
    }

    /** {@code name=micros} pairs sorted by name, joined by commas; empty when none were reported. */
    public static String latencies(@Nullable Map<String, Long> latencies) {
        return latencies == null ? "" : new TreeMap<>(latencies).entrySet().stream()
                .map(entry -> entry.getKey() + "=" + entry.getValue()).collect(Collectors.joining(","));
    }

    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    private static void write(ByteArrayOutputStream out, @Nullable String field) {
        if (field == null) {
            out.writeBytes(ByteBuffer.allocate(4).putInt(-1).array());
            return;
        }
        byte[] utf8 = field.getBytes(StandardCharsets.UTF_8);
        out.writeBytes(ByteBuffer.allocate(4).putInt(utf8.length).array());
        out.writeBytes(utf8);
    }
}
