package io.triage.ingestion.erasure;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.stereotype.Component;

/**
 * Flyway migration 13 (a Spring bean, as it needs the configured key): the erasures recorded before V12 get their
 * customer-id hash, then the plain {@code customer_id} column is dropped.
 */
@Component
class CustomerIdHashing implements JavaMigration {

    private final CustomerHash hash;

    CustomerIdHashing(CustomerHash hash) {
        this.hash = hash;
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("13");
    }

    @Override
    public String getDescription() {
        return "hash erasure customer ids";
    }

    @Override
    public Integer getChecksum() {
        return 13;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        Map<String, String> hashes = new LinkedHashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT DISTINCT customer_id FROM erasures");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                hashes.put(rows.getString(1), hash.of(rows.getString(1)));
            }
        }
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE erasures SET customer_hash = ? WHERE customer_id = ?")) {
            for (Map.Entry<String, String> entry : hashes.entrySet()) {
                update.setString(1, entry.getValue());
                update.setString(2, entry.getKey());
                update.addBatch();
            }
            update.executeBatch();
        }
        try (Statement alter = connection.createStatement()) {
            alter.execute("ALTER TABLE erasures DROP COLUMN customer_id, ALTER COLUMN customer_hash SET NOT NULL");
        }
    }
}
