package io.triage.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.triage.testsupport.BackingServices;
import io.triage.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * Every pooled connection carries server-side limits, so a runaway statement or a lock wait cannot hold a connection
 * (and the request behind it) indefinitely; the limits are configurable (issue 19, item 7).
 */
class DatabaseTimeoutsTests {

    @Test
    void aPooledConnectionHasTheDefaultStatementAndLockTimeouts() throws SQLException {
        try (HikariDataSource pool = pool(Map.of());
                Connection connection = pool.getConnection()) {
            assertThat(show(connection, "statement_timeout")).isEqualTo("1min");
            assertThat(show(connection, "lock_timeout")).isEqualTo("10s");
        }
        HikariConfig config = configured(Map.of());
        assertThat(config.getDataSourceProperties()).containsEntry("socketTimeout", "120")
                .containsEntry("connectTimeout", "10");
    }

    @Test
    void theTimeoutsAreConfigurable() throws SQLException {
        try (HikariDataSource pool = pool(Map.of("triage.platform.database.statement-timeout", "250ms",
                "triage.platform.database.lock-timeout", "2s"));
                Connection connection = pool.getConnection();
                Statement statement = connection.createStatement()) {
            assertThat(show(connection, "statement_timeout")).isEqualTo("250ms");
            assertThat(show(connection, "lock_timeout")).isEqualTo("2s");
            SQLException cancelled = catchThrowableOfType(SQLException.class,
                    () -> statement.execute("SELECT pg_sleep(5)"));
            assertThat(cancelled.getSQLState()).as("query_canceled").isEqualTo("57014");
        }
    }

    private static String show(Connection connection, String setting) throws SQLException {
        try (Statement statement = connection.createStatement();
                var result = statement.executeQuery("SHOW " + setting)) {
            result.next();
            return result.getString(1);
        }
    }

    private static HikariDataSource pool(Map<String, Object> properties) {
        HikariConfig config = configured(properties);
        TestDatabase database = BackingServices.get().createDatabase();
        config.setJdbcUrl(database.jdbcUrl());
        config.setUsername(database.adminUser());
        config.setPassword(database.adminPassword());
        config.setMinimumIdle(1);
        config.setMaximumPoolSize(1);
        return new HikariDataSource(config);
    }

    /** As Spring Boot configures its Hikari datasource: spring.datasource.hikari.* bound onto the pool. */
    private static HikariConfig configured(Map<String, Object> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        Map<String, Object> test = new HashMap<>(properties);
        test.put("triage.platform.schema", "public");
        environment.getPropertySources().addFirst(new MapPropertySource("test", test));
        new PlatformDefaults().postProcessEnvironment(environment, new SpringApplication());
        return Binder.get(environment).bind("spring.datasource.hikari", Bindable.ofInstance(new HikariConfig()))
                .get();
    }
}
