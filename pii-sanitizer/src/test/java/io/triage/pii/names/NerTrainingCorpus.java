package io.triage.pii.names;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import opennlp.tools.namefind.NameSample;
import opennlp.tools.tokenize.SimpleTokenizer;
import opennlp.tools.util.Span;

/**
 * Synthetic, freely redistributable training sentences for the shipped name model: call-centre phrasings written
 * for this project, filled with names from the built-in lists and with invented syllable names so that the model
 * learns context and word shape rather than a name list. No external data set is used.
 */
final class NerTrainingCorpus {

    private static final Pattern SLOT = Pattern.compile("\\{(PER|ORG|LOC)}");
    private static final String[] SYLLABLES = {"ka", "ri", "mo", "len", "sza", "bo", "vic", "ta", "no", "el", "ra",
        "dmi", "go", "ser", "lu", "ja", "mir", "an", "to", "wa", "zen", "ko", "pe", "ol", "gri", "sta", "ur", "hei",
        "ber", "fa", "nis", "cze", "ros", "ki", "dar", "ma", "lo", "vy", "ez", "ste"};
    private static final String[] ORG_WORDS = {"Systems", "Group", "Bank", "Insurance", "Transit", "Labs", "Media",
        "Energy", "Solutions", "Technologies", "Inc", "Ltd", "LLC", "Partners", "Foundation"};
    private static final String[] TEMPLATES = {
        "My name is {PER} and my card was declined .", "Hello , this is {PER} calling about my bill .",
        "Please ask {PER} to call me back .", "I spoke to {PER} yesterday but nothing happened .",
        "{PER} from {ORG} told me the refund would arrive .", "Regards , {PER}", "Thanks , {PER}",
        "Dear {PER} , thank you for your message .", "I moved from {LOC} to {LOC} last month .",
        "The transfer to {ORG} in {LOC} never arrived .", "Can {PER} update my address in {LOC} ?",
        "I want to add {PER} as a beneficiary to my account .", "{PER} said the payment to {ORG} failed .",
        "My husband {PER} cannot log in to the app .", "Mr. {PER} complained about the fee .",
        "Mrs. {PER} is the account holder .", "Dr. {PER} needs a statement for {ORG} .",
        "I work for {ORG} and my salary goes to this account .", "We are travelling to {LOC} next week .",
        "My card was used in {LOC} without my permission .", "I live in {LOC} , near {LOC} .",
        "Name : {PER}", "Contact : {PER} , {ORG}", "{PER} , {ORG} , {LOC}",
        "Is {PER} still working at {ORG} ?", "The letter was sent to {PER} in {LOC} .",
        "I am {PER} and I need help with a direct debit .", "Have you heard from {PER} ?",
        "{PER} and {PER} share this joint account .", "Our company {ORG} is based in {LOC} .",
        "The agent {PER} was very rude .", "Please transfer the money to {PER} .",
        "{PER} : I was charged twice .", "It was {PER} who opened the account in {LOC} .",
        "My daughter {PER} lost her card in {LOC} .", "According to {ORG} , the payment is pending .",
        "I called {ORG} customer service three times .", "{PER} says the branch in {LOC} is closed .",
    };
    private static final String[] NEGATIVES = {
        "My Direct Debit failed on Monday .", "The Mobile App shows an Error Code .", "I need a new PIN for my Visa card .",
        "Customer Services never answered my Email .", "Please Cancel My Order immediately !",
        "The Online Banking Portal is down again .", "Why was I charged a Late Payment Fee ?",
        "Premium Account holders get Free Travel Insurance .", "I have a question about the Terms and Conditions .",
        "The Savings Account interest rate changed in January .", "Thank you for your help .",
        "URGENT : Card Blocked", "Re : Refund Request", "My Account Number is wrong on the Statement .",
    };

    private final List<String> givenNames;
    private final List<String> surnames;
    private final List<String> places;
    private final List<String> organisations;
    private final Random random;

    NerTrainingCorpus(NameLists lists, long seed) {
        this.givenNames = titleCased(lists.givenNames());
        this.surnames = titleCased(lists.surnames());
        this.places = titleCased(lists.places());
        this.organisations = titleCased(lists.organisations());
        this.random = new Random(seed);
    }

    /** {@code count} sentences with their name spans, reproducible for the seed. */
    List<NameSample> samples(int count) {
        List<NameSample> samples = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            boolean negative = random.nextInt(6) == 0;
            String template = negative ? pick(NEGATIVES) : pick(TEMPLATES);
            samples.add(fill(template, random.nextInt(8) == 0));
        }
        return samples;
    }

    private NameSample fill(String template, boolean lowerCase) {
        StringBuilder text = new StringBuilder();
        List<int[]> spans = new ArrayList<>();
        List<String> types = new ArrayList<>();
        Matcher slot = SLOT.matcher(template);
        int from = 0;
        while (slot.find()) {
            text.append(template, from, slot.start());
            String value = switch (slot.group(1)) {
                case "PER" -> person();
                case "ORG" -> organisation();
                default -> pick(places);
            };
            spans.add(new int[] {text.length(), text.length() + value.length()});
            types.add(switch (slot.group(1)) {
                case "PER" -> "person";
                case "ORG" -> "organization";
                default -> "location";
            });
            text.append(value);
            from = slot.end();
        }
        text.append(template.substring(from));
        String sentence = lowerCase ? text.toString().toLowerCase(Locale.ROOT) : text.toString();
        Span[] positions = SimpleTokenizer.INSTANCE.tokenizePos(sentence);
        String[] tokens = new String[positions.length];
        for (int i = 0; i < positions.length; i++) {
            tokens[i] = positions[i].getCoveredText(sentence).toString();
        }
        Span[] names = new Span[spans.size()];
        for (int n = 0; n < spans.size(); n++) {
            names[n] = tokenSpan(positions, spans.get(n), types.get(n));
        }
        return new NameSample(tokens, names, true);
    }

    private static Span tokenSpan(Span[] positions, int[] chars, String type) {
        int first = -1;
        int last = -1;
        for (int i = 0; i < positions.length; i++) {
            if (positions[i].getStart() >= chars[0] && positions[i].getEnd() <= chars[1]) {
                first = first < 0 ? i : first;
                last = i;
            }
        }
        return new Span(first, last + 1, type);
    }

    private String person() {
        String given = random.nextInt(3) == 0 ? invented() : pick(givenNames);
        String family = random.nextInt(3) == 0 ? invented() : pick(surnames);
        return switch (random.nextInt(5)) {
            case 0 -> given;
            case 1 -> family;
            case 2 -> given + " " + (char) ('A' + random.nextInt(26)) + " " + family;
            default -> given + " " + family;
        };
    }

    private String organisation() {
        return random.nextBoolean() ? pick(organisations) : invented() + " " + pick(ORG_WORDS);
    }

    private String invented() {
        StringBuilder name = new StringBuilder();
        for (int i = 2 + random.nextInt(2); i > 0; i--) {
            name.append(pick(SYLLABLES));
        }
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }

    private static List<String> titleCased(java.util.Set<String> keys) {
        return keys.stream().sorted().map(NerTrainingCorpus::titleCase).toList();
    }

    private static String titleCase(String key) {
        StringBuilder out = new StringBuilder(key.length());
        boolean start = true;
        for (char c : key.toCharArray()) {
            out.append(start ? Character.toUpperCase(c) : c);
            start = c == ' ' || c == '-';
        }
        return out.toString();
    }
}
