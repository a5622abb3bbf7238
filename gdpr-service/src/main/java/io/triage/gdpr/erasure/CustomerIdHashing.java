package io.triage.gdpr.erasure;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.stereotype.Component;

/**
 * Flyway migration 4 (a Spring bean, as it needs the configured key): every request recorded before V3 gets its
 * customer-id hash, and completed ones lose the plain id. Open requests keep it until their last store answers.
 */
@Component
class CustomerIdHashing implements JavaMigration {

    private final CustomerHash hash;

    CustomerIdHashing(CustomerHash hash) {
        this.hash = hash;
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("4");
    }

    @Override
    public String getDescription() {
        return "hash customer ids";
    }

    @Override
    public Integer getChecksum() {
        return 4;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        Map<String, String> hashes = new LinkedHashMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT DISTINCT customer_id FROM deletion_requests WHERE customer_hash IS NULL "
                        + "AND customer_id IS NOT NULL");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                hashes.put(rows.getString(1), hash.of(rows.getString(1)));
            }
        }
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE deletion_requests SET customer_hash = ? WHERE customer_id = ? AND customer_hash IS NULL")) {
            for (Map.Entry<String, String> entry : hashes.entrySet()) {
                update.setString(1, entry.getValue());
                update.setString(2, entry.getKey());
                update.addBatch();
            }
            update.executeBatch();
        }
        try (PreparedStatement forget = connection.prepareStatement(
                "UPDATE deletion_requests SET customer_id = NULL WHERE status = 'COMPLETED'")) {
            forget.executeUpdate();
        }
    }
}
