package io.triage.rules.engine;

import dk.brics.automaton.Automaton;
import dk.brics.automaton.BasicOperations;
import io.triage.rules.ruleset.Rule;
import io.triage.rules.ruleset.RuleSet;
import io.triage.rules.ruleset.RuleSetProblem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Compiles a rule set once into a {@link CompiledRuleSet}: every rule part becomes a DFA, consecutive rules are merged
 * into product automata of bounded size, and when there is more than one group an Aho–Corasick prefilter decides
 * which groups need scanning at all.
 *
 * @param maxGroupStates largest product automaton per group (memory bound: states × character classes ints)
 * @param maxGroupRules  most rules per group (smaller groups make the prefilter more selective)
 * @param limits         bounds on pattern length, nesting, automaton states and time; a rule over one is a problem
 *                       naming the rule ({@link RuleSetCompilationException})
 */
public record RuleCompiler(int maxGroupStates, int maxGroupRules, CompileLimits limits) {

    /** Largest DFA allowed for one pattern; more means a pathological pattern. */
    static final int MAX_PATTERN_STATES = 5_000;

    /** Defaults that keep the 10 shipped rules in one group and 1,000 rules in a few dozen. */
    public RuleCompiler() {
        this(20_000, 64);
    }

    /** Group bounds as given, {@link CompileLimits#DEFAULTS} for everything else. */
    public RuleCompiler(int maxGroupStates, int maxGroupRules) {
        this(maxGroupStates, maxGroupRules, CompileLimits.DEFAULTS);
    }

    /** Compiles the enabled rules, in order. */
    public CompiledRuleSet compile(RuleSet ruleSet) {
        List<Rule> rules = ruleSet.enabledRules();
        List<RuleAutomata> automata = new ArrayList<>();
        List<RuleSetProblem> problems = new ArrayList<>();
        boolean tooComplex = false;
        for (int i = 0; i < rules.size(); i++) {
            try {
                automata.add(automata(rules.get(i), limits.start()));
            } catch (UnsupportedPatternException e) {
                Rule rule = rules.get(i);
                tooComplex |= e instanceof PatternTooComplexException;
                problems.add(RuleSetProblem.at(rule.patternAt(), "pattern", rule.id(), String.valueOf(e.getMessage())));
            }
        }
        if (!problems.isEmpty()) {
            throw new RuleSetCompilationException(problems, tooComplex);
        }
        List<Automaton> all = new ArrayList<>();
        for (RuleAutomata a : automata) {
            all.add(a.pattern());
            all.add(a.reversed());
            if (a.keywords() != null) {
                all.add(a.keywords());
            }
            if (a.excludes() != null) {
                all.add(a.excludes());
            }
        }
        Alphabet alphabet = new Alphabet(all);
        List<RuleDfas> dfas = automata.stream().map(a -> new RuleDfas(a.rule(), Dfa.of(a.pattern(), alphabet),
                a.keywords() == null ? null : Dfa.of(a.keywords(), alphabet),
                a.excludes() == null ? null : Dfa.of(a.excludes(), alphabet),
                Dfa.of(a.reversed(), alphabet))).toList();
        List<int[]> groupRules = new ArrayList<>();
        List<RuleGroup> groups = new ArrayList<>();
        int start = 0;
        while (start < rules.size()) {
            int end = start;
            int parts = 0;
            while (end < rules.size() && end - start < maxGroupRules
                    && parts + RuleGroup.parts(dfas.get(end)) <= RuleGroup.MAX_PARTS) {
                parts += RuleGroup.parts(dfas.get(end++));
            }
            group(range(start, end), dfas, alphabet, groups, groupRules);
            start = end;
        }
        List<@Nullable Set<String>> literals = groupRules.stream()
                .<@Nullable Set<String>>map(members -> groupLiterals(members, automata)).toList();
        return new CompiledRuleSet(rules, dfas, alphabet, groups, literals);
    }

    /** Adds one group for {@code members}, or splits them in halves while the product is too large. */
    private void group(int[] members, List<RuleDfas> dfas, Alphabet alphabet, List<RuleGroup> groups,
            List<int[]> groupRules) {
        int cap = members.length == 1 ? Math.max(maxGroupStates, limits.maxDeterminizedStates()) : maxGroupStates;
        RuleGroup group = RuleGroup.build(members, dfas, alphabet, cap);
        if (group != null) {
            groups.add(group);
            groupRules.add(members);
            return;
        }
        if (members.length == 1) {
            Rule rule = dfas.get(members[0]).rule();
            throw new RuleSetCompilationException(List.of(RuleSetProblem.at(rule.patternAt(), "pattern", rule.id(),
                    "pattern, keywords and excludes together are too complex (more than " + cap
                            + " automaton states)")), true);
        }
        int half = members.length / 2;
        group(Arrays.copyOfRange(members, 0, half), dfas, alphabet, groups, groupRules);
        group(Arrays.copyOfRange(members, half, members.length), dfas, alphabet, groups, groupRules);
    }

    private static @Nullable Set<String> groupLiterals(int[] members, List<RuleAutomata> automata) {
        Set<String> union = new HashSet<>();
        for (int member : members) {
            Set<String> literals = automata.get(member).literals();
            if (literals == null) {
                return null;
            }
            union.addAll(literals);
        }
        return union;
    }

    private static int[] range(int from, int to) {
        int[] out = new int[to - from];
        for (int i = 0; i < out.length; i++) {
            out[i] = from + i;
        }
        return out;
    }

    private RuleAutomata automata(Rule rule, CompileLimits.Budget budget) {
        PatternNode pattern = parse(rule.pattern(), rule.regex(), limits);
        Automaton raw = checked(Automata.of(pattern, budget, "pattern"), "pattern");
        Automaton keywords = null;
        if (!rule.keywords().isEmpty()) {
            List<Automaton> parts = new ArrayList<>();
            for (String keyword : rule.keywords()) {
                parts.add(Automata.of(parse(keyword, false, limits), budget, "keyword"));
            }
            keywords = Automata.endsWithMatch(BasicOperations.union(parts), budget, "keywords");
        }
        Automaton excludes = null;
        if (!rule.exclude().isEmpty()) {
            List<Automaton> parts = new ArrayList<>();
            for (String exclude : rule.exclude()) {
                String what = "exclude '" + exclude + "'";
                parts.add(checked(Automata.of(parse(exclude, rule.regex(), limits), budget, what), what));
            }
            excludes = Automata.endsWithMatch(BasicOperations.union(parts), budget, "excludes");
        }
        Set<String> keywordLiterals = rule.keywords().isEmpty() ? null : rule.keywords().stream()
                .map(RuleCompiler::asciiLower).collect(Collectors.toSet());
        Set<String> literals = RequiredLiterals.better(RequiredLiterals.of(pattern), keywordLiterals);
        return new RuleAutomata(rule, Automata.endsWithMatch(raw, budget, "pattern"), keywords, excludes,
                Automata.of(Automata.reversed(pattern), budget, "reversed pattern"), literals);
    }

    /** Parses a pattern, refusing it (before any automaton is built) when it is longer, deeper or larger than allowed. */
    static PatternNode parse(String text, boolean regex, CompileLimits limits) {
        if (text.length() > limits.maxPatternChars()) {
            throw new PatternTooComplexException("pattern is " + text.length() + " characters long (at most "
                    + limits.maxPatternChars() + ")");
        }
        PatternNode node = regex ? PatternParser.parseRegex(text, limits.maxNestingDepth())
                : PatternNode.literal(text);
        long size = Automata.expandedSize(node);
        if (size > limits.maxExpandedSize()) {
            throw new PatternTooComplexException("pattern is too large once its repetitions are expanded (" + size
                    + " positions, at most " + limits.maxExpandedSize() + ")");
        }
        return node;
    }

    private static Automaton checked(Automaton automaton, String what) {
        if (automaton.run("")) {
            throw new UnsupportedPatternException(what + " matches the empty text, so it would match every ticket", -1);
        }
        if (automaton.isEmpty()) {
            throw new UnsupportedPatternException(what + " can never match", -1);
        }
        if (automaton.getNumberOfStates() > MAX_PATTERN_STATES) {
            throw new UnsupportedPatternException(what + " is too complex (more than " + MAX_PATTERN_STATES
                    + " automaton states)", -1);
        }
        return automaton;
    }

    /** ASCII-only lowercasing, the case folding used everywhere in matching. */
    public static String asciiLower(String text) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            if (chars[i] >= 'A' && chars[i] <= 'Z') {
                chars[i] += 'a' - 'A';
            }
        }
        return new String(chars);
    }
}
