package io.triage.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.triage.rules.ruleset.Rule;
import io.triage.rules.ruleset.RuleSet;
import io.triage.rules.ruleset.TicketField;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The compiled engine decides exactly like the sequential reference (same winning rule, same span) on random rule sets
 * and random texts. Texts and patterns use a tiny alphabet so that rules overlap, shadow and exclude each other often.
 */
class EngineMatchesReferenceTests {

    private static final String TEXT_CHARS = "abcAB \n.";

    /** 400 random rule sets (seeds 1..400, reproducible), 30 random tickets each. */
    @TestFactory
    Stream<DynamicTest> compiledEngineAgreesWithSequentialReference() {
        return LongStream.rangeClosed(1, 400).mapToObj(seed -> DynamicTest.dynamicTest("seed " + seed,
                () -> agreesOnRandomRuleSet(seed)));
    }

    private static void agreesOnRandomRuleSet(long seed) {
        Random random = new Random(seed);
        RuleSet ruleSet = randomRuleSet(random);
        CompiledRuleSet compiled;
        try {
            compiled = new RuleCompiler(random.nextBoolean() ? 20_000 : 8, 1 + random.nextInt(4)).compile(ruleSet);
        } catch (RuleSetCompilationException e) {
            // Both sides reject such rule sets (e.g. a pattern matching the empty text); nothing to compare.
            return;
        }
        SequentialReference reference = new SequentialReference(ruleSet);
        for (int t = 0; t < 30; t++) {
            TicketText ticket = new TicketText(randomText(random, 12), randomText(random, 40), randomText(random, 6));
            SequentialReference.Result expected = reference.evaluate(ticket);
            RuleVerdict actual = compiled.evaluate(ticket);
            if (expected == null) {
                assertThat(actual).as("seed %d, ticket %s, rules %s", seed, ticket, ruleSet)
                        .isInstanceOf(RuleVerdict.NoRuleFired.class);
            } else {
                assertThat(actual).as("seed %d, ticket %s, rules %s", seed, ticket, ruleSet)
                        .isInstanceOf(RuleVerdict.Fired.class);
                RuleVerdict.Fired fired = (RuleVerdict.Fired) actual;
                assertThat(fired.rule().id()).as("seed %d, ticket %s", seed, ticket).isEqualTo(expected.ruleId());
                assertThat(fired.span()).as("seed %d, ticket %s", seed, ticket).isEqualTo(expected.span());
            }
        }
    }

    private static RuleSet randomRuleSet(Random random) {
        List<Rule> rules = new ArrayList<>();
        int count = 1 + random.nextInt(7);
        for (int i = 0; i < count; i++) {
            boolean regex = random.nextInt(4) > 0;
            String pattern = regex ? randomRegex(random, 3) : randomLiteral(random);
            Rule rule = Rule.of("R" + i, pattern, regex, "D" + random.nextInt(3));
            List<String> keywords = random.nextInt(4) == 0 ? List.of(randomLiteral(random)) : List.of();
            List<String> exclude = random.nextInt(5) == 0
                    ? List.of(regex ? randomRegex(random, 2) : randomLiteral(random)) : List.of();
            rule = rule.withConditions(keywords, exclude);
            if (random.nextInt(3) == 0) {
                Set<TicketField> fields = EnumSet.noneOf(TicketField.class);
                for (TicketField field : TicketField.values()) {
                    if (random.nextBoolean()) {
                        fields.add(field);
                    }
                }
                rule = rule.withFields(fields.isEmpty() ? Set.of(TicketField.CHANNEL) : fields);
            }
            rules.add(rule);
        }
        return new RuleSet(rules);
    }

    private static String randomLiteral(Random random) {
        StringBuilder out = new StringBuilder();
        int length = 1 + random.nextInt(3);
        for (int i = 0; i < length; i++) {
            out.append("abcAB ".charAt(random.nextInt(6)));
        }
        return out.toString();
    }

    private static String randomRegex(Random random, int depth) {
        int choice = random.nextInt(depth <= 0 ? 4 : 11);
        return switch (choice) {
            case 0 -> String.valueOf("abcB".charAt(random.nextInt(4)));
            case 1 -> ".";
            case 2 -> List.of("[ab]", "[^a]", "[a-c]", "\\s", "\\w", "[^ab\\s]", "\\.").get(random.nextInt(7));
            case 3 -> randomLiteral(random).replace(" ", "\\s");
            case 4, 5, 6 -> randomRegex(random, depth - 1) + randomRegex(random, depth - 1);
            case 7 -> "(" + randomRegex(random, depth - 1) + "|" + randomRegex(random, depth - 1) + ")";
            case 8 -> "(?:" + randomRegex(random, depth - 1) + ")" + List.of("*", "+", "?", "{1,2}", "*?", "{2}")
                    .get(random.nextInt(6));
            case 9 -> "a.*" + randomRegex(random, depth - 1);
            default -> randomRegex(random, depth - 1) + "[^c]{0,3}" + randomRegex(random, depth - 1);
        };
    }

    private static String randomText(Random random, int maxLength) {
        StringBuilder out = new StringBuilder();
        int length = random.nextInt(maxLength + 1);
        for (int i = 0; i < length; i++) {
            out.append(TEXT_CHARS.charAt(random.nextInt(TEXT_CHARS.length())));
        }
        return out.toString();
    }
}
