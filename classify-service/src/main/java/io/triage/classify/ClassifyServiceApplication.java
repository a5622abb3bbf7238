package io.triage.classify;

import io.triage.classify.cli.ModelCommandLine;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Entry point of the classify-service (port 8080, Postgres schema {@code classify}); with {@code train} or
 * {@code evaluate} as first argument it runs the model command line instead of the service.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ClassifyServiceApplication {

    public static void main(String[] args) {
        if (ModelCommandLine.handles(args)) {
            System.exit(ModelCommandLine.run(args, System.out, System.err));
        }
        SpringApplication.run(ClassifyServiceApplication.class, args);
    }
}
