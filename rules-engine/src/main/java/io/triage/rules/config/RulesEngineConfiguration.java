package io.triage.rules.config;

import io.triage.rules.engine.RuleCompiler;
import io.triage.rules.ruleset.RuleSetParser;
import io.triage.rules.validation.RuleSetValidator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The pure-Java engine parts as beans. */
@Configuration(proxyBeanMethods = false)
class RulesEngineConfiguration {

    @Bean
    RuleCompiler ruleCompiler(RulesEngineProperties properties) {
        return new RuleCompiler(properties.maxGroupStates(), properties.maxGroupRules());
    }

    @Bean
    RuleSetParser ruleSetParser() {
        return new RuleSetParser();
    }

    @Bean
    RuleSetValidator ruleSetValidator(RuleCompiler compiler) {
        return new RuleSetValidator(compiler);
    }
}
