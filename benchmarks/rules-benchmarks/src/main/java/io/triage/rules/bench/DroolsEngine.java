package io.triage.rules.bench;

import io.triage.rules.engine.RuleCompiler;
import io.triage.rules.engine.TicketText;
import io.triage.rules.ruleset.Rule;
import io.triage.rules.ruleset.RuleSet;
import java.util.List;
import java.util.regex.Pattern;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.runtime.StatelessKieSession;
import org.jspecify.annotations.Nullable;

/**
 * The same rules as Drools DRL: one rule per routing rule, salience for the order, regex constraints with
 * {@code matches}; a stateless session per ticket. Subject and description are joined, lowercased, into one text.
 */
final class DroolsEngine {

    private final StatelessKieSession session;

    DroolsEngine(RuleSet ruleSet) {
        KieServices kie = KieServices.Factory.get();
        KieFileSystem files = kie.newKieFileSystem();
        files.write("src/main/resources/io/triage/rules/bench/routing.drl", drl(ruleSet.enabledRules()));
        KieBuilder builder = kie.newKieBuilder(files).buildAll();
        List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
        if (!errors.isEmpty()) {
            throw new IllegalStateException("DRL does not compile: " + errors.getFirst());
        }
        session = kie.newKieContainer(kie.getRepository().getDefaultReleaseId()).newStatelessKieSession();
    }

    @Nullable String winner(TicketText ticket) {
        TicketFact fact = new TicketFact(RuleCompiler.asciiLower(ticket.subject() + "\n" + ticket.description()));
        session.execute(fact);
        return fact.getWinner();
    }

    private static String drl(List<Rule> rules) {
        StringBuilder drl = new StringBuilder("package io.triage.rules.bench;\n\n");
        for (int i = 0; i < rules.size(); i++) {
            Rule rule = rules.get(i);
            drl.append("rule \"").append(rule.id()).append("\" salience ").append(rules.size() - i).append("\nwhen\n")
                    .append("  $t : TicketFact( text matches \"").append(contains(rule.pattern(), rule.regex()))
                    .append('"');
            if (!rule.keywords().isEmpty()) {
                drl.append(", text matches \"").append(contains(String.join("|", rule.keywords().stream()
                        .map(Pattern::quote).toList()), true)).append('"');
            }
            for (String exclude : rule.exclude()) {
                drl.append(", text not matches \"").append(contains(exclude, rule.regex())).append('"');
            }
            drl.append(" )\nthen\n  $t.offer(\"").append(rule.id()).append("\");\nend\n\n");
        }
        return drl.toString();
    }

    /** A full-match regex (what {@code matches} wants) for "contains the pattern", escaped for a DRL string. */
    private static String contains(String pattern, boolean regex) {
        String body = "(?s).*(?:" + (regex ? pattern : Pattern.quote(pattern)) + ").*";
        return body.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
