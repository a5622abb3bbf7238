package io.triage.rules.bench;

import io.triage.rules.engine.RuleCompiler;
import io.triage.rules.engine.TicketText;
import io.triage.rules.ruleset.Rule;
import io.triage.rules.ruleset.RuleSet;
import io.triage.rules.ruleset.TicketField;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** The plain way: one {@code java.util.regex} pattern per rule part, tried rule after rule. */
final class SequentialRegexEngine {

    private record CompiledRule(Rule rule, Pattern pattern, List<String> keywords, List<Pattern> excludes) {
    }

    private final List<CompiledRule> rules;

    SequentialRegexEngine(RuleSet ruleSet) {
        rules = ruleSet.enabledRules().stream().map(r -> new CompiledRule(r, compile(r.pattern(), r.regex()),
                r.keywords().stream().map(RuleCompiler::asciiLower).toList(),
                r.exclude().stream().map(e -> compile(e, r.regex())).toList())).toList();
    }

    /** The id of the first rule that fires, or null. */
    @Nullable String winner(TicketText ticket) {
        String[] fields = {RuleCompiler.asciiLower(ticket.subject()), RuleCompiler.asciiLower(ticket.description()),
            RuleCompiler.asciiLower(ticket.channel())};
        for (CompiledRule rule : rules) {
            if (occurs(rule.pattern(), rule.rule(), fields)
                    && (rule.keywords().isEmpty() || rule.keywords().stream().anyMatch(k -> contains(k, rule, fields)))
                    && rule.excludes().stream().noneMatch(e -> occurs(e, rule.rule(), fields))) {
                return rule.rule().id();
            }
        }
        return null;
    }

    private static boolean occurs(Pattern pattern, Rule rule, String[] fields) {
        for (TicketField field : rule.fields()) {
            if (pattern.matcher(fields[field.ordinal()]).find()) {
                return true;
            }
        }
        return false;
    }

    private static boolean contains(String keyword, CompiledRule rule, String[] fields) {
        for (TicketField field : rule.rule().fields()) {
            if (fields[field.ordinal()].contains(keyword)) {
                return true;
            }
        }
        return false;
    }

    private static Pattern compile(String pattern, boolean regex) {
        return Pattern.compile(regex ? pattern : Pattern.quote(pattern), Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    }
}
