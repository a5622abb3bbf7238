package io.triage.rules.engine;

import io.triage.rules.ruleset.Rule;
import io.triage.rules.ruleset.RuleSet;
import io.triage.rules.ruleset.TicketField;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The plain definition of rule evaluation, written for clarity, not speed: try each enabled rule in order with
 * {@code java.util.regex} on ASCII-lowercased fields; the first that fires wins.
 */
final class SequentialReference {

    private final List<Rule> rules;

    SequentialReference(RuleSet ruleSet) {
        this.rules = ruleSet.enabledRules();
    }

    /** The winning rule and its span, or null. */
    Result evaluate(TicketText ticket) {
        for (Rule rule : rules) {
            if (fires(rule, ticket)) {
                return new Result(rule.id(), span(rule, ticket));
            }
        }
        return null;
    }

    record Result(String ruleId, MatchedSpan span) {
    }

    static boolean fires(Rule rule, TicketText ticket) {
        Pattern pattern = compile(rule.pattern(), rule.regex());
        boolean matched = rule.fields().stream().anyMatch(f -> pattern.matcher(text(ticket, f)).find());
        boolean keyword = rule.keywords().isEmpty() || rule.keywords().stream().anyMatch(k -> rule.fields().stream()
                .anyMatch(f -> text(ticket, f).contains(RuleCompiler.asciiLower(k))));
        boolean excluded = rule.exclude().stream().map(e -> compile(e, rule.regex()))
                .anyMatch(e -> rule.fields().stream().anyMatch(f -> e.matcher(text(ticket, f)).find()));
        return matched && keyword && !excluded;
    }

    private static MatchedSpan span(Rule rule, TicketText ticket) {
        Pattern pattern = compile(rule.pattern(), rule.regex());
        for (TicketField field : TicketField.values()) {
            if (!rule.fields().contains(field)) {
                continue;
            }
            String text = text(ticket, field);
            Matcher matcher = pattern.matcher(text);
            for (int end = 1; end <= text.length(); end++) {
                for (int start = 0; start < end; start++) {
                    if (matcher.region(start, end).matches()) {
                        return new MatchedSpan(field, start, end, ticket.field(field).substring(start, end));
                    }
                }
            }
        }
        return null;
    }

    private static String text(TicketText ticket, TicketField field) {
        return RuleCompiler.asciiLower(ticket.field(field));
    }

    private static Pattern compile(String pattern, boolean regex) {
        return Pattern.compile(regex ? pattern : Pattern.quote(pattern), Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    }
}
