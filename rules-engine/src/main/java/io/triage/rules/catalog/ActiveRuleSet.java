package io.triage.rules.catalog;

import io.triage.rules.config.RulesEngineProperties;
import io.triage.rules.engine.RuleCompiler;
import io.triage.rules.ruleset.RuleSetParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * Holds the compiled rule set this replica evaluates with and keeps it in step with the database: on start (seeding
 * version 1 from the shipped rules when the schema is empty) and then every {@code refreshInterval}. Deliberately not
 * a ShedLock job: every replica must refresh itself.
 */
@Component
public class ActiveRuleSet implements InitializingBean, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ActiveRuleSet.class);

    private final RuleSetStore store;
    private final RuleSetParser parser;
    private final RuleCompiler compiler;
    private final RulesEngineProperties properties;
    private final AtomicReference<ActiveRules> current = new AtomicReference<>();
    private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(
            Thread.ofVirtual().name("rule-set-refresh").factory());

    ActiveRuleSet(RuleSetStore store, RuleSetParser parser, RuleCompiler compiler, RulesEngineProperties properties) {
        this.store = store;
        this.parser = parser;
        this.compiler = compiler;
        this.properties = properties;
    }

    /** The rule set in use now. */
    public ActiveRules get() {
        return current.get();
    }

    @Override
    public void afterPropertiesSet() throws IOException {
        String shipped = shippedRules();
        int count = parser.parse(shipped).ruleSetOrThrow().rules().size();
        if (store.seedIfEmpty(shipped, count)) {
            log.info("Seeded rule set version 1 with {} shipped rules", count);
        }
        refresh();
        long every = properties.refreshInterval().toMillis();
        refresher.scheduleWithFixedDelay(this::refreshQuietly, every, every, TimeUnit.MILLISECONDS);
    }

    /** Loads the active version if it differs from the one in use. */
    public void refresh() {
        Activation activation = store.currentActivation().orElseThrow();
        ActiveRules inUse = current.get();
        if (inUse != null && inUse.activation().equals(activation)) {
            return;
        }
        String yaml = store.yamlOf(activation.version()).orElseThrow();
        current.set(new ActiveRules(activation, yaml, compiler.compile(parser.parse(yaml).ruleSetOrThrow())));
        log.info("Rule set version {} active ({} by {})", activation.version(), activation.action(),
                activation.activatedBy());
    }

    private void refreshQuietly() {
        try {
            refresh();
        } catch (DataAccessException e) {
            // The database may be briefly unreachable; keep evaluating with the rules in use and try again.
            log.warn("Could not refresh the active rule set: {}", e.getMessage());
        }
    }

    private String shippedRules() throws IOException {
        try (InputStream in = new ClassPathResource(properties.initialRules()).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Override
    public void destroy() {
        refresher.shutdownNow();
    }
}
