package io.triage.rules.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Aho–Corasick automaton over the required literals of every rule group: one scan of the (ASCII-lowercased) ticket
 * tells which groups could fire at all, so the others are not scanned. Tabulated as a full DFA.
 */
final class LiteralPrefilter {

    private final char[] classOf = new char[Character.MAX_VALUE + 1];
    private final int classes;
    private final int[] next;
    private final int[] @Nullable [] groupsAt;

    /** @param literalsPerGroup for each group its literals (lowercase); null entries are ignored */
    LiteralPrefilter(List<@Nullable Set<String>> literalsPerGroup) {
        TreeSet<Character> chars = new TreeSet<>();
        for (@Nullable Set<String> literals : literalsPerGroup) {
            if (literals != null) {
                literals.forEach(l -> l.chars().forEach(c -> chars.add((char) c)));
            }
        }
        int cls = 1;
        for (char c : chars) {
            classOf[c] = (char) cls++;
        }
        for (char c = 'A'; c <= 'Z'; c++) {
            classOf[c] = classOf[c + ('a' - 'A')];
        }
        classes = cls;
        List<Map<Integer, Integer>> children = new ArrayList<>();
        List<Set<Integer>> outputs = new ArrayList<>();
        children.add(new HashMap<>());
        outputs.add(new TreeSet<>());
        for (int g = 0; g < literalsPerGroup.size(); g++) {
            if (literalsPerGroup.get(g) == null) {
                continue;
            }
            for (String literal : literalsPerGroup.get(g)) {
                int node = 0;
                for (int i = 0; i < literal.length(); i++) {
                    int c = classOf[literal.charAt(i)];
                    Integer child = children.get(node).get(c);
                    if (child == null) {
                        child = children.size();
                        children.get(node).put(c, child);
                        children.add(new HashMap<>());
                        outputs.add(new TreeSet<>());
                    }
                    node = child;
                }
                outputs.get(node).add(g);
            }
        }
        next = new int[children.size() * classes];
        int[] fail = new int[children.size()];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int c = 0; c < classes; c++) {
            Integer child = children.get(0).get(c);
            next[c] = child == null ? 0 : child;
            if (child != null) {
                queue.add(child);
            }
        }
        while (!queue.isEmpty()) {
            int node = queue.poll();
            outputs.get(node).addAll(outputs.get(fail[node]));
            for (int c = 0; c < classes; c++) {
                Integer child = children.get(node).get(c);
                if (child == null) {
                    next[node * classes + c] = next[fail[node] * classes + c];
                } else {
                    fail[child] = next[fail[node] * classes + c];
                    next[node * classes + c] = child;
                    queue.add(child);
                }
            }
        }
        groupsAt = new int[children.size()][];
        for (int node = 0; node < children.size(); node++) {
            groupsAt[node] = outputs.get(node).isEmpty() ? null
                    : outputs.get(node).stream().mapToInt(Integer::intValue).toArray();
        }
    }

    /** Marks, in {@code found} (one bit per group), every group one of whose literals occurs in the ticket. */
    void mark(TicketText ticket, long[] found) {
        scan(ticket.subject(), found);
        scan(ticket.description(), found);
        scan(ticket.channel(), found);
    }

    private void scan(String text, long[] found) {
        int node = 0;
        for (int i = 0, n = text.length(); i < n; i++) {
            node = next[node * classes + classOf[text.charAt(i)]];
            int[] groups = groupsAt[node];
            if (groups != null) {
                for (int g : groups) {
                    found[g >>> 6] |= 1L << g;
                }
            }
        }
    }
}
