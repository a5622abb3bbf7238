package io.triage.ingestion.mapping;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.triage.ingestion.ticket.TicketSource;
import io.triage.platform.problem.ConflictException;
import io.triage.platform.problem.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Mapping versions and their activations ({@code field_mapping_versions}, {@code field_mapping_activations}). Every
 * change takes the source's advisory lock for its transaction, so two publishes (or a publish and a draft save) of one
 * source run one after the other on any replica; the partial unique indexes hold "one draft, one published" anyway.
 */
@Repository
class MappingStore {

    private static final String COLUMNS = "version, state, yaml, created_by, created_at, published_by, published_at, "
            + "reason";

    private final JdbcClient jdbc;

    MappingStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<MappingVersion> draft(TicketSource source) {
        return inState(source, MappingVersion.DRAFT);
    }

    Optional<MappingVersion> published(TicketSource source) {
        return inState(source, MappingVersion.PUBLISHED);
    }

    Optional<MappingVersion> version(TicketSource source, int version) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM field_mapping_versions WHERE source = ? AND version = ?")
                .params(source.name(), version).query(MappingStore::version).optional();
    }

    List<MappingVersion> versions(TicketSource source) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM field_mapping_versions WHERE source = ? ORDER BY version DESC")
                .param(source.name()).query(MappingStore::version).list();
    }

    List<MappingActivation> activations(TicketSource source) {
        return jdbc.sql("SELECT id, version, action, activated_by, activated_at, reason FROM field_mapping_activations "
                + "WHERE source = ? ORDER BY id DESC").param(source.name()).query(MappingStore::activation).list();
    }

    /** The newest activation: which version is in use. One indexed row, cheap enough to poll. */
    Optional<MappingActivation> currentActivation(TicketSource source) {
        return jdbc.sql("SELECT id, version, action, activated_by, activated_at, reason FROM field_mapping_activations "
                + "WHERE source = ? ORDER BY id DESC LIMIT 1").param(source.name()).query(MappingStore::activation)
                .optional();
    }

    /** Replaces the draft's document, or starts a draft with the next version number; returns the draft. */
    @Transactional
    public MappingVersion saveDraft(TicketSource source, String yaml, String by) {
        lock(source);
        int updated = jdbc.sql("UPDATE field_mapping_versions SET yaml = ?, created_by = ?, created_at = now() "
                + "WHERE source = ? AND state = 'DRAFT'").params(yaml, by, source.name()).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO field_mapping_versions (source, version, state, yaml, created_by) "
                    + "SELECT ?, COALESCE(MAX(version), 0) + 1, 'DRAFT', ?, ? FROM field_mapping_versions "
                    + "WHERE source = ?").params(source.name(), yaml, by, source.name()).update();
        }
        return draft(source).orElseThrow();
    }

    /**
     * Publishes the draft, provided it is still the document that was checked; the published version is archived.
     *
     * @throws ConflictException when there is no draft, or it changed since it was checked
     */
    @Transactional
    public MappingVersion publishDraft(TicketSource source, int version, String checkedYaml, String by,
            String reason) {
        lock(source);
        MappingVersion draft = draft(source).orElseThrow(() -> new ConflictException(
                "There is no draft of the " + source.tag() + " mapping to publish; PUT /mappings/" + source.tag()
                        + " first"));
        if (draft.version() != version || !draft.yaml().equals(checkedYaml)) {
            throw new ConflictException("The draft changed while it was being published; publish it again");
        }
        activate(source, version, "publish", by, reason);
        return version(source, version).orElseThrow();
    }

    /**
     * Puts an earlier version in use again; the published one is archived.
     *
     * @throws NotFoundException when there is no such version (a draft is not one)
     * @throws ConflictException when it is the one in use
     */
    @Transactional
    public MappingVersion rollback(TicketSource source, int version, String by, String reason) {
        lock(source);
        MappingVersion target = version(source, version).filter(v -> !v.state().equals(MappingVersion.DRAFT))
                .orElseThrow(() -> new NotFoundException("The " + source.tag() + " mapping has no published or "
                        + "archived version " + version));
        if (target.state().equals(MappingVersion.PUBLISHED)) {
            throw new ConflictException("Version " + version + " of the " + source.tag() + " mapping is already "
                    + "published");
        }
        activate(source, version, "rollback", by, reason);
        return version(source, version).orElseThrow();
    }

    private void activate(TicketSource source, int version, String action, String by, String reason) {
        jdbc.sql("UPDATE field_mapping_versions SET state = 'ARCHIVED' WHERE source = ? AND state = 'PUBLISHED'")
                .param(source.name()).update();
        jdbc.sql("UPDATE field_mapping_versions SET state = 'PUBLISHED', published_by = ?, published_at = now(), "
                + "reason = ? WHERE source = ? AND version = ?").params(by, reason, source.name(), version).update();
        jdbc.sql("INSERT INTO field_mapping_activations (source, version, action, activated_by, reason) "
                + "VALUES (?, ?, ?, ?, ?)").params(source.name(), version, action, by, reason).update();
    }

    private Optional<MappingVersion> inState(TicketSource source, String state) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM field_mapping_versions WHERE source = ? AND state = ?")
                .params(source.name(), state).query(MappingStore::version).optional();
    }

    private void lock(TicketSource source) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(?)) IS NULL").param("field-mapping:" + source.name())
                .query(Boolean.class).single();
    }

    private static MappingVersion version(ResultSet rs, int row) throws SQLException {
        return new MappingVersion(rs.getInt("version"), rs.getString("state"), rs.getString("yaml"),
                rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(), rs.getString("published_by"),
                instant(rs.getTimestamp("published_at")), rs.getString("reason"));
    }

    private static MappingActivation activation(ResultSet rs, int row) throws SQLException {
        return new MappingActivation(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                rs.getTimestamp(5).toInstant(), rs.getString(6));
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
