package io.triage.audit.chain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.triage.audit.config.AuditProperties;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The chain hash of an event by the scheme of its position ({@code chain_schemes}, written by migrations only):
 * {@code audit-event/v1} is {@code SHA-256(prevHash || bytes)} for rows recorded before the keyed chain;
 * {@code audit-event/v2} is {@code HMAC-SHA256(chain key, prevHash || keyedBytes)}. Whoever edits rows without the
 * key cannot re-compute a chain that verifies.
 */
@Component
public class ChainHasher {

    private final JdbcClient jdbc;
    private final Mac prototype;
    private volatile @Nullable NavigableMap<Long, String> schemes;

    ChainHasher(JdbcClient jdbc, AuditProperties properties) throws GeneralSecurityException {
        this.jdbc = jdbc;
        this.prototype = Mac.getInstance("HmacSHA256");
        prototype.init(new SecretKeySpec(properties.chainKey().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    }

    /** The scheme of chain position {@code seq}. */
    public String scheme(long seq) {
        Map.Entry<Long, String> entry = schemes().floorEntry(seq);
        return entry == null ? CanonicalForm.KEYED_VERSION : entry.getValue();
    }

    public byte[] hash(byte[] prevHash, AuditEvent event) {
        if (CanonicalForm.VERSION.equals(scheme(event.seq()))) {
            return CanonicalForm.hash(prevHash, event);
        }
        Mac mac = mac();
        mac.update(prevHash);
        return mac.doFinal(CanonicalForm.keyedBytes(event));
    }

    /** The canonical bytes that {@link #hash} covers for this event's position. */
    public byte[] canonicalBytes(AuditEvent event) {
        return CanonicalForm.VERSION.equals(scheme(event.seq())) ? CanonicalForm.bytes(event)
                : CanonicalForm.keyedBytes(event);
    }

    private Mac mac() {
        try {
            return (Mac) prototype.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the JDK's HmacSHA256 is cloneable", e);
        }
    }

    /** Loaded once: the table only changes by migration, before the service starts. */
    private NavigableMap<Long, String> schemes() {
        NavigableMap<Long, String> loaded = schemes;
        if (loaded == null) {
            NavigableMap<Long, String> read = new TreeMap<>();
            jdbc.sql("SELECT from_seq, scheme FROM chain_schemes")
                    .query((rs, row) -> Map.entry(rs.getLong(1), rs.getString(2))).list()
                    .forEach(entry -> read.put(entry.getKey(), entry.getValue()));
            loaded = read;
            schemes = loaded;
        }
        return loaded;
    }
}
