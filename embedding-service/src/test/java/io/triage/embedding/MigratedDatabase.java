package io.triage.embedding;

import java.util.Map;

import io.triage.testsupport.BackingServices;
import io.triage.testsupport.TestDatabase;
import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A throw-away database with the service's migrations applied, for tests that wire components without Spring. */
public record MigratedDatabase(String jdbcUrl, PGSimpleDataSource dataSource) {

    public static MigratedDatabase create() {
        TestDatabase database = BackingServices.get().createDatabase();
        Flyway.configure()
                .dataSource(database.jdbcUrl(), database.adminUser(), database.adminPassword())
                .schemas("embedding").defaultSchema("embedding").createSchemas(true)
                .locations("classpath:db/platform", "classpath:db/migration/embedding")
                .placeholders(Map.of("app_role", "embedding_app"))
                .load().migrate();
        String url = database.jdbcUrl() + (database.jdbcUrl().contains("?") ? "&" : "?") + "currentSchema=embedding";
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(url);
        dataSource.setUser(database.adminUser());
        dataSource.setPassword(database.adminPassword());
        return new MigratedDatabase(url, dataSource);
    }

    public JdbcClient jdbc() {
        return JdbcClient.create(dataSource);
    }
}
