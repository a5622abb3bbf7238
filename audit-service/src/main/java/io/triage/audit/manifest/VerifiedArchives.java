package io.triage.audit.manifest;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads the archived months and checks each manifest: the statement is rebuilt from the {@code archives} row and
 * its signature checked with the archiver's public key, so a row inserted or changed without that key covers
 * nothing.
 */
@Repository
public class VerifiedArchives {

    private static final HexFormat HEX = HexFormat.of();

    private final JdbcClient jdbc;
    private final ManifestSigner signer;

    VerifiedArchives(JdbcClient jdbc, ManifestSigner signer) {
        this.jdbc = jdbc;
        this.signer = signer;
    }

    /** Every archived month, in chain order. */
    public List<ArchivedMonth> list() {
        return jdbc.sql("SELECT * FROM archives ORDER BY from_seq, month").query(this::map).list();
    }

    private ArchivedMonth map(ResultSet rs, int row) throws SQLException {
        String month = rs.getString("month");
        long from = rs.getLong("from_seq");
        long to = rs.getLong("to_seq");
        long events = rs.getLong("events");
        String lastHash = hex(rs.getBytes("last_hash"));
        if (rs.getBoolean("legacy")) {
            return new ArchivedMonth(month, from, to, events, lastHash, ArchivedMonth.Status.LEGACY,
                    "archived before signed manifests");
        }
        byte[] signature = rs.getBytes("manifest_signature");
        String keyId = rs.getString("manifest_key_id");
        OffsetDateTime verifiedAt = rs.getObject("verified_at", OffsetDateTime.class);
        if (signature == null || keyId == null || verifiedAt == null) {
            return new ArchivedMonth(month, from, to, events, lastHash, ArchivedMonth.Status.INVALID,
                    "the archive of " + month + " has no verified, signed manifest");
        }
        if (!keyId.equals(signer.keyId())) {
            return new ArchivedMonth(month, from, to, events, lastHash, ArchivedMonth.Status.INVALID,
                    "the manifest of " + month + " is signed with key '" + keyId + "', not the archiver key");
        }
        Object checkpoint = rs.getObject("checkpoint_id");
        ManifestStatement statement = new ManifestStatement(month, from, to, events, rs.getString("data_file"),
                rs.getString("data_sha256"), hex(rs.getBytes("first_prev_hash")), lastHash,
                checkpoint == null ? null : ((Number) checkpoint).longValue(), verifiedAt.toInstant(), keyId);
        boolean valid = signer.verify(statement.statement(), signature);
        return new ArchivedMonth(month, from, to, events, lastHash,
                valid ? ArchivedMonth.Status.SIGNED : ArchivedMonth.Status.INVALID,
                valid ? "signed manifest" : "the manifest signature of " + month + " does not match its record");
    }

    private static @Nullable String hex(byte @Nullable [] bytes) {
        return bytes == null ? null : HEX.formatHex(bytes);
    }
}
