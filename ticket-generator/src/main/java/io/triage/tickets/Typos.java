package io.triage.tickets;

/** Keyboard slips people make: two letters swapped, a letter dropped or a letter doubled. */
final class Typos {

    private static final int SHORTEST_WORD = 4;

    private Typos() {
    }

    /** Gives each word of at least four letters a typo with probability {@code rate}. */
    static String inject(String words, double rate, Dice dice) {
        if (rate <= 0) {
            return words;
        }
        StringBuilder out = new StringBuilder(words.length() + 8);
        int i = 0;
        while (i < words.length()) {
            if (!Character.isLetter(words.charAt(i))) {
                out.append(words.charAt(i++));
                continue;
            }
            int end = i;
            while (end < words.length() && Character.isLetter(words.charAt(end))) {
                end++;
            }
            String word = words.substring(i, end);
            out.append(word.length() >= SHORTEST_WORD && dice.chance(rate) ? misspell(word, dice) : word);
            i = end;
        }
        return out.toString();
    }

    private static String misspell(String word, Dice dice) {
        // Keep the first letter: people rarely mistype it, and the word stays recognisable.
        int at = dice.between(1, word.length() - 2);
        return switch (dice.below(3)) {
            case 0 -> word.substring(0, at) + word.charAt(at + 1) + word.charAt(at) + word.substring(at + 2);
            case 1 -> word.substring(0, at) + word.substring(at + 1);
            default -> word.substring(0, at + 1) + word.charAt(at) + word.substring(at + 1);
        };
    }
}
