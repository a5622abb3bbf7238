package io.triage.rules;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Entry point of the rules-engine (port 8081, Postgres schema {@code rules}). */
@SpringBootApplication
@ConfigurationPropertiesScan
public class RulesEngineApplication {

    public static void main(String[] args) {
        SpringApplication.run(RulesEngineApplication.class, args);
    }
}
