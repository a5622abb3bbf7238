package io.triage.classify;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Entry point of the classify-service (port 8080, Postgres schema {@code classify}). */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ClassifyServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(ClassifyServiceApplication.class, args);
    }
}
