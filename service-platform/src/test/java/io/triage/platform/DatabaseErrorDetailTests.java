package io.triage.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
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
 * A constraint violation's message, and so every logged stack trace of it, does not carry the row's values: the
 * platform defaults turn off pgjdbc's server error detail ("Key (email)=(…) already exists") on the service
 * datasource (issue 19, item 9).
 */
class DatabaseErrorDetailTests {

    private static final String ROW_VALUE = "row-value-MARKER-4711@example.test";

    @Test
    void aUniqueViolationOnTheServiceDatasourceDoesNotQuoteTheRowValue() throws SQLException {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test",
                Map.of("triage.platform.schema", "public")));
        new PlatformDefaults().postProcessEnvironment(environment, new SpringApplication());
        // As Spring Boot configures its Hikari datasource: spring.datasource.hikari.* bound onto the pool.
        HikariConfig config = Binder.get(environment)
                .bind("spring.datasource.hikari", Bindable.ofInstance(new HikariConfig())).get();
        TestDatabase database = BackingServices.get().createDatabase();
        config.setJdbcUrl(database.jdbcUrl());
        config.setUsername(database.adminUser());
        config.setPassword(database.adminPassword());
        config.setMinimumIdle(1);
        config.setMaximumPoolSize(1);

        try (HikariDataSource dataSource = new HikariDataSource(config);
                Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TEMPORARY TABLE customer (email text UNIQUE)");
            statement.execute("INSERT INTO customer VALUES ('" + ROW_VALUE + "')");
            SQLException duplicate = catchThrowableOfType(SQLException.class,
                    () -> statement.execute("INSERT INTO customer VALUES ('" + ROW_VALUE + "')"));

            StringWriter logged = new StringWriter();
            duplicate.printStackTrace(new PrintWriter(logged));
            assertThat(duplicate.getSQLState()).isEqualTo("23505");
            assertThat(logged.toString()).contains("customer_email_key").doesNotContain("MARKER");
        }
    }
}
