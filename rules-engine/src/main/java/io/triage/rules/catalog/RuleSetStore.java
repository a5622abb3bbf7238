package io.triage.rules.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Rule-set versions, the activation history and the draft in the {@code rules} schema. */
@Repository
public class RuleSetStore {

    /** Serialises publish, rollback and seeding across replicas for the length of one transaction. */
    private static final long PUBLISH_LOCK = 0x72756c6573L;

    private final JdbcClient jdbc;

    RuleSetStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The newest activation, if any version was ever activated. */
    public Optional<Activation> currentActivation() {
        return jdbc.sql("SELECT version, action, activated_by, activated_at, reason FROM rule_set_activation "
                + "ORDER BY id DESC LIMIT 1").query(RuleSetStore::activation).optional();
    }

    public Optional<String> yamlOf(int version) {
        return jdbc.sql("SELECT yaml FROM rule_set_version WHERE version = ?").param(version).query(String.class)
                .optional();
    }

    public List<RuleSetVersion> versions() {
        return jdbc.sql("SELECT version, rule_count, created_by, created_at, reason FROM rule_set_version "
                + "ORDER BY version DESC").query((rs, n) -> new RuleSetVersion(rs.getInt(1), rs.getInt(2),
                rs.getString(3), rs.getTimestamp(4).toInstant(), rs.getString(5))).list();
    }

    public List<Activation> activations() {
        return jdbc.sql("SELECT version, action, activated_by, activated_at, reason FROM rule_set_activation "
                + "ORDER BY id DESC").query(RuleSetStore::activation).list();
    }

    /** Writes a new version and makes it active, atomically; returns the new version number. */
    @Transactional
    public int publish(String yaml, int ruleCount, String by, String reason, String action) {
        lock();
        int version = jdbc.sql("SELECT COALESCE(MAX(version), 0) + 1 FROM rule_set_version").query(Integer.class)
                .single();
        jdbc.sql("INSERT INTO rule_set_version (version, yaml, rule_count, created_by, reason) VALUES (?, ?, ?, ?, ?)")
                .params(version, yaml, ruleCount, by, reason).update();
        activate(version, action, by, reason);
        return version;
    }

    /** Publishes {@code yaml} as the first version unless some version exists already (any replica may try). */
    @Transactional
    public boolean seedIfEmpty(String yaml, int ruleCount) {
        lock();
        if (jdbc.sql("SELECT COUNT(*) FROM rule_set_version").query(Integer.class).single() > 0) {
            return false;
        }
        publish(yaml, ruleCount, "system", "initial rules shipped with the service", "seed");
        return true;
    }

    /** Makes an existing version active again. */
    @Transactional
    public boolean rollback(int version, String by, String reason) {
        lock();
        if (yamlOf(version).isEmpty()) {
            return false;
        }
        activate(version, "rollback", by, reason);
        return true;
    }

    public Optional<String> draft() {
        return jdbc.sql("SELECT yaml FROM rule_set_draft WHERE id = 1").query(String.class).optional();
    }

    public void saveDraft(String yaml, String by) {
        jdbc.sql("INSERT INTO rule_set_draft (id, yaml, updated_by) VALUES (1, ?, ?) ON CONFLICT (id) DO UPDATE "
                + "SET yaml = EXCLUDED.yaml, updated_by = EXCLUDED.updated_by, updated_at = now()")
                .params(yaml, by).update();
    }

    private void activate(int version, String action, String by, String reason) {
        jdbc.sql("INSERT INTO rule_set_activation (version, action, activated_by, reason) VALUES (?, ?, ?, ?)")
                .params(version, action, by, reason).update();
    }

    private void lock() {
        jdbc.sql("SELECT pg_advisory_xact_lock(?) IS NULL").param(PUBLISH_LOCK).query(Boolean.class).single();
    }

    private static Activation activation(ResultSet rs, int row) throws SQLException {
        return new Activation(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant(),
                rs.getString(5));
    }
}
