package io.triage.testsupport.fuzz;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * {@link FuzzContract} for a service booted by {@code @SpringBootTest(webEnvironment = RANDOM_PORT)}: the port, the
 * handler mapping and the report's name ({@code spring.application.name}) come from the running context, so a
 * service's fuzz IT says only what is its own (examples, path values, set-up).
 */
public abstract class FuzzedService implements FuzzContract {

    @LocalServerPort
    private int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mapping;

    @Value("${spring.application.name}")
    private String service;

    @Override
    public String service() {
        return service;
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public RequestMappingHandlerMapping handlerMapping() {
        return mapping;
    }
}
