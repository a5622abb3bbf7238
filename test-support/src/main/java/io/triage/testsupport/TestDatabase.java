package io.triage.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** A throw-away Postgres database: its JDBC URL and the administrator credentials that created it. */
public record TestDatabase(String name, String jdbcUrl, String adminUser, String adminPassword) {

    /** A new connection as the administrator (superuser on local servers). */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, adminUser, adminPassword);
    }
}
