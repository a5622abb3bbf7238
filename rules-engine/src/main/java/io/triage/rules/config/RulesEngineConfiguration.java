package io.triage.rules.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.triage.platform.web.ProblemResponses;
import io.triage.rules.engine.RuleCompiler;
import io.triage.rules.ruleset.RuleSetParser;
import io.triage.rules.validation.RuleSetValidator;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The pure-Java engine parts as beans. */
@Configuration(proxyBeanMethods = false)
class RulesEngineConfiguration {

    @Bean
    RuleCompiler ruleCompiler(RulesEngineProperties properties) {
        return new RuleCompiler(properties.maxGroupStates(), properties.maxGroupRules(), properties.compile().limits());
    }

    /** Runs right after the platform's global body limit, before any body is read. */
    @Bean
    FilterRegistrationBean<ExpensiveRequests> expensiveRequests(AdmissionProperties admission,
            ProblemResponses problems, MeterRegistry meters) {
        var registration = new FilterRegistrationBean<>(new ExpensiveRequests(admission, problems, meters));
        registration.setOrder(-100);
        return registration;
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
