package io.triage.audit.archive;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Properties;

import io.triage.audit.config.AuditProperties;
import io.triage.audit.manifest.ManifestStatement;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.stereotype.Component;

/**
 * The archiver's own connection ({@code triage.audit.archiver.username}/{@code password}): the only one allowed
 * to record archive manifests and retention notes and to detach partitions. The service role holds none of these
 * privileges and is no member of the archiver role. Not a pool and not a bean: the archive job runs rarely, and the
 * service's data source must stay the application's only one.
 */
@Component
class ArchiverDatabase {

    private static final HexFormat HEX = HexFormat.of();

    private final JdbcClient jdbc;

    ArchiverDatabase(AuditProperties properties, @Value("${spring.datasource.url}") String url,
            @Value("${triage.platform.schema}") String schema) {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(url, properties.archiver().username(),
                properties.archiver().password());
        Properties connection = new Properties();
        connection.setProperty("currentSchema", schema);
        connection.setProperty("ApplicationName", "audit-archiver");
        dataSource.setConnectionProperties(connection);
        this.jdbc = JdbcClient.create(dataSource);
    }

    /** Records a verified, signed manifest: the detach function's precondition. */
    // JdbcClient.params(Object...) lacks @Nullable on its elements, though it binds a null as SQL NULL; the links and
    // checkpoint are NULL for a month without events.
    @SuppressWarnings("NullAway")
    void recordManifest(ManifestStatement manifest, String manifestFile, byte[] signature) {
        OffsetDateTime verifiedAt = OffsetDateTime.ofInstant(manifest.verifiedAt(), ZoneOffset.UTC);
        jdbc.sql("""
                INSERT INTO archives (month, from_seq, to_seq, events, data_file, data_sha256, first_prev_hash,
                                      last_hash, manifest_file, checkpoint_id, archived_at, verified_at,
                                      manifest_key_id, manifest_signature)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(manifest.month(), manifest.fromSeq(), manifest.toSeq(), manifest.events(),
                        manifest.dataFile(), manifest.dataSha256(), bytes(manifest.firstPrevHash()),
                        bytes(manifest.lastHash()), manifestFile, manifest.checkpointId(), verifiedAt, verifiedAt,
                        manifest.keyId(), signature)
                .update();
    }

    /** Detaches and drops the month's partition; the database refuses unless its manifest matches the partition. */
    void detach(String month) {
        jdbc.sql("SELECT detach_archived_partition(?)").param(month).query().singleValue();
    }

    void recordRetention(String month, String files, OffsetDateTime deletedAt, String note, String keyId,
            byte[] signature) {
        jdbc.sql("INSERT INTO retention_notes (month, files, deleted_at, note, key_id, signature) "
                        + "VALUES (?, ?, ?, ?, ?, ?)")
                .params(month, files, deletedAt, note, keyId, signature)
                .update();
    }

    private static byte @Nullable [] bytes(@Nullable String hex) {
        return hex == null ? null : HEX.parseHex(hex);
    }
}
