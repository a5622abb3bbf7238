package io.triage.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.triage.rules.ruleset.RuleSet;
import io.triage.rules.ruleset.RuleSetParseResult;
import io.triage.rules.ruleset.RuleSetParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.yaml.snakeyaml.Yaml;

/** The 10 shipped rules route their must-match examples and leave their must-not-match examples alone. */
class ShippedRulesTests {

    private final RuleSet ruleSet = shippedRules();
    private final CompiledRuleSet compiled = new RuleCompiler().compile(ruleSet);

    @Test
    void tenRulesShipInOneProductAutomaton() {
        assertThat(ruleSet.rules()).hasSize(10);
        assertThat(compiled.groupCount()).isEqualTo(1);
        assertThat(ruleSet.rules().getFirst().id()).isEqualTo("R005");
    }

    @TestFactory
    Stream<DynamicTest> everyExampleIsRoutedAsDocumented() throws IOException {
        Map<String, Map<String, List<String>>> examples;
        try (InputStream in = getClass().getResourceAsStream("/rules/initial-rules-examples.yaml")) {
            examples = new Yaml().load(in);
        }
        assertThat(examples.keySet()).containsExactlyInAnyOrderElementsOf(
                ruleSet.rules().stream().map(r -> r.id()).toList());
        return examples.entrySet().stream().flatMap(entry -> Stream.concat(
                entry.getValue().get("match").stream().map(text -> DynamicTest.dynamicTest(
                        entry.getKey() + " routes: " + text, () -> assertThat(winner(text)).isEqualTo(entry.getKey()))),
                entry.getValue().get("no-match").stream().map(text -> DynamicTest.dynamicTest(
                        entry.getKey() + " does not route: " + text,
                        () -> assertThat(winner(text)).isNotEqualTo(entry.getKey())))));
    }

    private String winner(String description) {
        RuleVerdict verdict = compiled.evaluate(new TicketText("", description, "email"));
        return verdict instanceof RuleVerdict.Fired fired ? fired.rule().id() : "none";
    }

    static RuleSet shippedRules() {
        try (InputStream in = ShippedRulesTests.class.getResourceAsStream("/rules/initial-rules.yaml")) {
            String yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return ((RuleSetParseResult.Parsed) new RuleSetParser().parse(yaml)).ruleSet();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
