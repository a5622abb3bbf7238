package io.triage.gdpr;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Entry point of the gdpr-service (port 8085, Postgres schema {@code gdpr}). */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GdprServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(GdprServiceApplication.class, args);
    }
}
