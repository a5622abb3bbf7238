package io.triage.rules.validation;

import io.triage.rules.engine.CompiledRuleSet;
import io.triage.rules.engine.RuleCompiler;
import io.triage.rules.engine.RuleSetCompilationException;
import io.triage.rules.engine.Shadowing;
import io.triage.rules.ruleset.Rule;
import io.triage.rules.ruleset.RuleSet;
import io.triage.rules.ruleset.RuleSetParseResult;
import io.triage.rules.ruleset.RuleSetParser;
import io.triage.rules.validation.ValidationReport.Backtest;
import io.triage.rules.validation.ValidationReport.RuleBacktest;
import io.triage.rules.validation.ValidationReport.RuleConflict;
import io.triage.rules.validation.ValidationReport.ShadowedRule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Checks a YAML rule set before deployment and replays it on sample tickets; never touches the active set. */
public final class RuleSetValidator {

    private final RuleSetParser parser = new RuleSetParser();
    private final RuleCompiler compiler;

    public RuleSetValidator(RuleCompiler compiler) {
        this.compiler = compiler;
    }

    /**
     * Validates the YAML; {@code samples} may be empty. Ordinary problems are in the report; a rule over a
     * {@link io.triage.rules.engine.CompileLimits} bound is thrown ({@link RuleSetCompilationException#tooComplex()}),
     * so that a service can refuse the request outright.
     */
    public ValidationReport validate(String yaml, List<LabelledTicket> samples) {
        RuleSetParseResult parsed = parser.parse(yaml);
        if (parsed instanceof RuleSetParseResult.Rejected rejected) {
            return new ValidationReport(false, rejected.problems(), List.of(), List.of(), null);
        }
        RuleSet ruleSet = ((RuleSetParseResult.Parsed) parsed).ruleSet();
        CompiledRuleSet compiled;
        try {
            compiled = compiler.compile(ruleSet);
        } catch (RuleSetCompilationException e) {
            if (e.tooComplex()) {
                throw e;
            }
            return new ValidationReport(false, e.problems(), List.of(), List.of(), null);
        }
        List<ShadowedRule> shadowed = new ArrayList<>(structuralShadowing(compiled.rules()));
        if (samples.isEmpty()) {
            return new ValidationReport(true, List.of(), shadowed, List.of(), null);
        }
        Replay replay = replay(compiled, samples);
        Set<String> provedShadowed = new LinkedHashSet<>(shadowed.stream().map(ShadowedRule::ruleId).toList());
        shadowed.addAll(sampleShadowing(compiled.rules(), replay, provedShadowed));
        return new ValidationReport(true, List.of(), shadowed, conflicts(compiled.rules(), replay),
                backtest(compiled.rules(), replay, samples));
    }

    private static List<ShadowedRule> structuralShadowing(List<Rule> rules) {
        List<ShadowedRule> out = new ArrayList<>();
        for (int later = 1; later < rules.size(); later++) {
            for (int earlier = 0; earlier < later; earlier++) {
                if (Shadowing.shadows(rules.get(earlier), rules.get(later))) {
                    out.add(new ShadowedRule(rules.get(later).id(), List.of(rules.get(earlier).id()), "structural",
                            List.of()));
                    break;
                }
            }
        }
        return out;
    }

    /** For every sample: which rule won, and which rules fire on it on their own. */
    private record Replay(int[] winners, boolean[][] fires, List<String> ids) {
    }

    private static Replay replay(CompiledRuleSet compiled, List<LabelledTicket> samples) {
        int[] winners = new int[samples.size()];
        boolean[][] fires = new boolean[samples.size()][compiled.rules().size()];
        for (int t = 0; t < samples.size(); t++) {
            winners[t] = compiled.winner(samples.get(t).text());
            for (int r = 0; r < compiled.rules().size(); r++) {
                fires[t][r] = compiled.fires(r, samples.get(t).text());
            }
        }
        return new Replay(winners, fires, samples.stream().map(LabelledTicket::id).toList());
    }

    private static List<ShadowedRule> sampleShadowing(List<Rule> rules, Replay replay, Set<String> alreadyReported) {
        List<ShadowedRule> out = new ArrayList<>();
        for (int r = 0; r < rules.size(); r++) {
            Set<String> by = new LinkedHashSet<>();
            List<String> tickets = new ArrayList<>();
            boolean won = false;
            for (int t = 0; t < replay.winners().length; t++) {
                if (replay.fires()[t][r]) {
                    won |= replay.winners()[t] == r;
                    by.add(rules.get(replay.winners()[t]).id());
                    tickets.add(replay.ids().get(t));
                }
            }
            if (!won && !tickets.isEmpty() && !alreadyReported.contains(rules.get(r).id())) {
                out.add(new ShadowedRule(rules.get(r).id(), List.copyOf(by), "sample", tickets));
            }
        }
        return out;
    }

    private static List<RuleConflict> conflicts(List<Rule> rules, Replay replay) {
        Map<String, List<String>> tickets = new LinkedHashMap<>();
        for (int t = 0; t < replay.winners().length; t++) {
            for (int a = 0; a < rules.size(); a++) {
                for (int b = a + 1; b < rules.size() && replay.fires()[t][a]; b++) {
                    if (replay.fires()[t][b] && !rules.get(a).department().equals(rules.get(b).department())) {
                        tickets.computeIfAbsent(a + ":" + b, k -> new ArrayList<>()).add(replay.ids().get(t));
                    }
                }
            }
        }
        return tickets.entrySet().stream().map(e -> {
            String[] pair = e.getKey().split(":");
            Rule first = rules.get(Integer.parseInt(pair[0]));
            Rule second = rules.get(Integer.parseInt(pair[1]));
            return new RuleConflict(first.id(), second.id(), first.department(), second.department(), e.getValue());
        }).toList();
    }

    private static Backtest backtest(List<Rule> rules, Replay replay, List<LabelledTicket> samples) {
        int[] hits = new int[rules.size()];
        int[] labelled = new int[rules.size()];
        int[] correct = new int[rules.size()];
        for (int t = 0; t < samples.size(); t++) {
            int winner = replay.winners()[t];
            if (winner < 0) {
                continue;
            }
            hits[winner]++;
            String label = samples.get(t).department();
            if (label != null) {
                labelled[winner]++;
                if (label.equalsIgnoreCase(rules.get(winner).department())) {
                    correct[winner]++;
                }
            }
        }
        List<RuleBacktest> perRule = new ArrayList<>();
        int routed = 0;
        int allLabelled = 0;
        int allCorrect = 0;
        for (int r = 0; r < rules.size(); r++) {
            perRule.add(new RuleBacktest(rules.get(r).id(), hits[r], labelled[r], correct[r],
                    labelled[r] == 0 ? null : (double) correct[r] / labelled[r]));
            routed += hits[r];
            allLabelled += labelled[r];
            allCorrect += correct[r];
        }
        return new Backtest(samples.size(), routed, (double) routed / samples.size(), allLabelled, allCorrect,
                allLabelled == 0 ? null : (double) allCorrect / allLabelled, perRule);
    }
}
