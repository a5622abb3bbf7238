package io.triage.rules.bench;

import io.triage.rules.ruleset.Rule;
import io.triage.rules.ruleset.RuleSet;
import io.triage.rules.ruleset.RuleSetParseResult;
import io.triage.rules.ruleset.RuleSetParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The rule sets measured: the 10 shipped rules, and those plus 990 generated ones (1,000 in all). */
final class BenchmarkRules {

    /** Words from call-centre tickets; generated rules combine them so that some of them do fire. */
    private static final List<String> WORDS = List.of("invoice", "router", "contract", "voucher", "warranty",
            "broadband", "engineer", "appointment", "discount", "renewal", "direct debit", "statement", "tariff",
            "roaming", "sim", "signal", "modem", "installation", "bill", "balance", "overdraft", "card", "loan",
            "mortgage", "insurance", "claim", "premium", "policy", "courier", "tracking", "address", "return",
            "exchange", "damaged", "screen", "battery", "laptop", "printer", "licence", "upgrade", "account",
            "email", "app", "website", "payment", "order", "delivery", "subscription", "password", "login");

    private BenchmarkRules() {
    }

    static RuleSet shipped() {
        try (InputStream in = RuleSet.class.getResourceAsStream("/rules/initial-rules.yaml")) {
            String yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return ((RuleSetParseResult.Parsed) new RuleSetParser().parse(yaml)).ruleSet();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The shipped rules first, then generated ones up to {@code count}. */
    static RuleSet withGenerated(int count) {
        List<Rule> rules = new ArrayList<>(shipped().rules());
        int n = 0;
        while (rules.size() < count) {
            String first = WORDS.get(n % WORDS.size());
            String second = WORDS.get((n / WORDS.size() * 7 + n + 1) % WORDS.size());
            String department = "Generated " + (n % 7);
            Rule rule = switch (n % 4) {
                case 0 -> Rule.of("G" + n, first + "[^.!?]*" + second + "s? (broken|missing|wrong|late)", true,
                        department);
                case 1 -> Rule.of("G" + n, "(my|our|the) " + first + " (and|or|with) (my|our|the) " + second, true,
                        department);
                case 2 -> Rule.of("G" + n, first + " " + second + " " + (n % 10), false, department);
                default -> Rule.of("G" + n, "(cannot|can't|unable to) [a-z]+ (my|the) " + first + "[^.!?]*" + second,
                        true, department);
            };
            rules.add(rule);
            n++;
        }
        return new RuleSet(rules);
    }
}
