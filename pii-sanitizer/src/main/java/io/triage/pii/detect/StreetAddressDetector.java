package io.triage.pii.detect;

import io.triage.pii.Detector;
import io.triage.pii.Finding;
import io.triage.pii.PiiType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Street addresses in English, German, Dutch, French, Spanish and Italian conventions. Address parts are found one
 * by one (house number and street, flat or unit, postcode with or without a city, US city with state and ZIP) and
 * parts that follow each other with only commas, spaces or one line break between them become one finding. Only a
 * group holding a distinctive part (a street with its number, a UK, Irish or Dutch postcode, a US state with ZIP)
 * counts, so a lone "unit 3" or "10115" is not an address.
 */
public final class StreetAddressDetector implements Detector {

    /** English street types: the common USPS Publication 28 suffixes and their abbreviations, plus UK ones. */
    private static final Set<String> EN_TYPES = Set.of(
            "alley", "av", "ave", "avenue", "blvd", "boulevard", "broadway", "brook", "brooks", "burg", "burgs",
            "bypass", "camp", "canyon", "cape", "causeway", "center", "centre", "cir", "circle", "cliff", "cliffs",
            "close", "club", "common", "commons", "corner", "corners", "course", "court", "courts", "cove", "coves",
            "creek", "cres", "crescent", "crest", "crossing", "ct", "curve", "dale", "dam", "divide", "dr", "drive",
            "drives", "drove", "estate", "estates", "expressway", "fall", "falls", "ferry", "field", "fields",
            "flats", "ford", "fords", "forest", "forge", "forges", "fork", "forks", "fort", "freeway", "fwy",
            "garden", "gardens", "gateway", "glen", "green", "greens", "grove", "groves", "harbor", "harbour",
            "haven", "heights", "highway", "hill", "hills", "hollow", "hts", "hwy", "inlet", "island", "islands",
            "isle", "jct", "junction", "key", "keys", "knoll", "knolls", "lake", "lakes", "landing", "lane", "light",
            "lights", "ln", "loaf", "lock", "locks", "lodge", "loop", "mall", "manor", "manors", "meadow", "meadows",
            "mews", "mill", "mills", "mission", "motorway", "mount", "mountain", "mountains", "neck", "orchard",
            "oval", "overpass", "parade", "park", "parks", "parkway", "parkways", "pass", "passage", "path", "pike",
            "pine", "pines", "pkwy", "pl", "place", "plain", "plains", "plaza", "plazas", "point", "port", "ports",
            "prairie", "pt", "quay", "radial", "ramp", "ranch", "rapid", "rapids", "rd", "ridge", "ridges", "rise",
            "river", "road", "roads", "route", "row", "rte", "run", "shoal", "shoals", "shore", "shores", "skyway",
            "spring", "springs", "spur", "sq", "square", "squares", "st", "station", "stravenue", "stream", "street",
            "streets", "summit", "ter", "terrace", "terraces", "throughway", "trace", "track", "trafficway", "trail",
            "trl", "tunnel", "turnpike", "underpass", "union", "unions", "valley", "valleys", "viaduct", "view",
            "views", "village", "villages", "ville", "vis", "vista", "walk", "walks", "wall", "way", "ways", "well",
            "wells", "wharf", "xing");
    /** Words that cannot be part of a street name written in lower case ("5 miles down the road"). */
    private static final Set<String> NOT_IN_STREET_NAMES = Set.of("the", "a", "an", "for", "to", "in", "on", "at",
            "my", "your", "our", "his", "her", "their", "this", "that", "and", "or", "per", "each", "every", "with",
            "from", "by", "down", "up", "across", "along", "off", "of", "is", "was", "are", "were", "be", "it",
            "days", "weeks", "months", "years", "hours", "minutes", "times", "miles", "km", "items", "people");
    private static final Set<String> UNAMBIGUOUS_EN_TYPES = Set.of("street", "st", "road", "rd", "avenue", "ave",
            "lane", "ln", "drive", "boulevard", "blvd", "crescent", "terrace", "parkway", "pkwy", "highway", "hwy");
    /** A house number ("221B", "12-14", "1600"), then the street's words are read one by one. */
    private static final Pattern HOUSE_NUMBER = Pattern.compile("(?<![\\w\\-.,])\\d{1,5}[A-Za-z]?(?:[-/]\\d{1,4}"
            + "[A-Za-z]?)?,?\\s{1,3}(?=[\\p{L}\\d])");
    private static final Pattern STREET_WORD = Pattern.compile("[\\p{L}\\d][\\p{L}'\u2019\\-]{0,30}\\.?");
    private static final Pattern WORD_GAP = Pattern.compile("\\s{1,3}");
    private static final Pattern DIRECTION = Pattern.compile("\\s(?:N|S|E|W|NE|NW|SE|SW)\\b\\.?");
    private static final int MAX_STREET_WORDS = 5;
    /** German, Dutch and Nordic street-name endings, and German street types written as a separate word. */
    private static final List<String> STREET_ENDINGS = List.of("straße", "strasse", "str.", "weg", "gasse", "platz",
            "allee", "ring", "damm", "ufer", "chaussee", "steig", "pfad", "straat", "laan", "plein", "gracht", "kade",
            "singel", "dijk", "steeg", "hof", "markt", "gatan", "gata", "vägen", "vagen", "vej", "gade", "veien",
            "gate", "tie", "katu", "polku", "kuja");
    /** Endings that are no English word's: a street written in lower case counts only with one of these. */
    private static final List<String> LOWER_CASE_STREET_ENDINGS = List.of("straße", "strasse", "str.", "weg", "gasse",
            "platz", "allee", "damm", "chaussee", "straat", "laan", "plein", "gracht", "kade", "singel", "dijk",
            "markt", "gatan", "vägen", "katu");
    /**
     * One or two capitalised words and a house number; the street ending is checked afterwards, because a lazy scan
     * over every ending at every capital letter cost more than all other detectors together.
     */
    private static final Pattern DE_NL_STREET = Pattern.compile("(?<![\\p{L}\\d])(?:[\\p{Lu}][\\p{L}\\-]{0,40}\\.?"
            + "(?:\\s([\\p{Lu}][\\p{L}\\-]{0,20}\\.?))?|[\\p{Ll}][\\p{L}\\-]{0,40}\\.?)\\s{1,3}\\d{1,4}"
            + "(?:\\s?[a-zA-Z](?![\\p{L}])|\\s?[-/]\\s?\\d{1,4}|-[IV]{1,3})?(?![\\d])");
    private static final Pattern FR_STREET = Pattern.compile("(?<![\\p{L}\\d])\\d{1,4}(?:\\s?(?:bis|ter|[A-D]))?,?"
            + "\\s{1,3}(?i:rue|avenue|av\\.|boulevard|bd|place|chemin|all[ée]e|impasse|quai|route|cours|passage"
            + "|square)\\s{1,3}(?:(?i:de\\sla|de\\sl['\u2019]|du|des|de|d['\u2019]|la|le|les)\\s?)?"
            + "[\\p{L}][\\p{L}'\u2019\\-]{1,30}(?:\\s{1,3}[\\p{Lu}][\\p{L}'\u2019\\-]{1,30}){0,3}");
    private static final Pattern ES_IT_STREET = Pattern.compile("\\b(?:Calle|Avenida|Avda\\.|Plaza|Paseo|Carrer"
            + "|Via|Viale|Piazza|Corso|Rua)\\s{1,3}(?:(?:de\\sla|del|de|della|dei|di)\\s)?[\\p{Lu}][\\p{L}'\u2019\\-]{1,30}"
            + "(?:\\s{1,3}[\\p{Lu}][\\p{L}'\u2019\\-]{1,30}){0,3},?\\s{1,3}\\d{1,4}[A-Za-z]?");
    private static final String CITY_WORD = "[\\p{Lu}][\\p{L}'\u2019\\-]{1,30}";
    private static final String CITY = CITY_WORD + "(?:\\s(?:am|an\\sder|sur|sous|en|upon|on|de|del))?(?:\\s" + CITY_WORD
            + "){0,2}";
    /**
     * UK postcodes in upper or lower case, and lower-case Eircodes (group 1: the unique identifier), which count on
     * their own only when the identifier mixes letters and digits: "v12 2024" or "t10 data" have their shape too
     * (after a lower-case city see {@link #LOWER_CASE_CITY_AND_CODE}). Nor is a lower-case inward code an ordinal:
     * "seat b2 1st row", "v2 2nd try".
     */
    private static final String UK_POSTCODE = "(?:[A-Z]{1,2}\\d[A-Z\\d]?\\s?\\d[ABD-HJLNP-UW-Z]{2}"
            + "|[a-z]{1,2}\\d[a-z\\d]?\\s(?!\\d(?:st|nd|rd|th)(?![\\w]))\\d[abd-hjlnp-uw-z]{2}"
            + "|(?:[ac-fhknprtv-y]\\d{2}|d6w)\\s?([0-9ac-fhknprtv-y]{4}))";
    private static final Pattern UK_POSTCODE_PART = Pattern.compile("(?<![\\w])" + UK_POSTCODE + "(?![\\w])");
    private static final Pattern EIRCODE = Pattern.compile("(?<![\\w])(?:[AC-FHKNPRTV-Y]\\d{2}|D6W)\\s?"
            + "[0-9AC-FHKNPRTV-Y]{4}(?![\\w])");
    private static final Pattern NL_POSTCODE = Pattern.compile("(?<![\\w])\\d{4}\\s?(?!SA|SD|SS|MB|GB|KB|TB|PM|AM)"
            + "[A-Z]{2}\\s{1,2}" + CITY);
    private static final Set<String> US_STATES = Set.of("AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL",
            "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE",
            "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT",
            "VA", "WA", "WV", "WI", "WY", "PR", "AA", "AE", "AP");
    /** Two capitals and a ZIP; whether the capitals are a state is checked afterwards (cheaper than alternation). */
    private static final Pattern US_STATE_ZIP = Pattern.compile("(?<![\\w])[A-Z]{2}\\s{1,2}\\d{5}(?:-\\d{4})?(?![\\w])");
    /** A city just before a postcode or state ("London NW1 6XE", "Springfield, IL 62704"). */
    private static final Pattern CITY_BEFORE = Pattern.compile("(?<![\\p{L}])" + CITY + ",?\\s{1,2}$");
    private static final int CITY_LOOK_BACK = 60;
    /** Five-digit postcode and city (DE, FR, ES, IT, US): an address part only next to a street. */
    private static final Pattern FIVE_DIGIT_CITY = Pattern.compile("(?<![\\w])\\d{5}\\s{1,2}" + CITY);
    /** A city, region or country on its own after a comma or line break, e.g. the last lines of a postal address. */
    private static final Pattern CITY_AFTER_STREET = Pattern.compile("(?<=[,\\n]\\s{0,2})" + CITY
            + "(?:\\s\\d{1,2})?(?=\\s{0,2}(?:[.,;!?)\\n]|$|\\d{4,5}\\b))");
    /** Flat, suite, unit or post-office box on its own: part of an address only next to one. */
    private static final Pattern UNIT = Pattern.compile("(?i)\\b(?:flat|apartment|apt|unit|suite|ste|room|floor|p\\.?o\\.?"
            + "\\s?box|box|psc)\\.?\\s?#?\\s?\\d{1,5}[a-z]?\\b");
    /**
     * A bare four- or five-digit postcode: part of an address only next to one; not the first group of a number
     * that goes on in more digit groups ("…, 0047 21 23 45 48" is a phone number).
     */
    private static final Pattern BARE_POSTCODE = Pattern.compile(
            "(?<![\\w.,\\-])\\d{4,5}(?![\\w\\-]|[.,]\\d| \\d{1,4} \\d)");
    /** Precompiled, because String.replaceAll and split compile their pattern on every call. */
    private static final Pattern NUMBER_TAIL = Pattern.compile("\\s{1,3}\\d.*$");
    private static final Pattern SPACE = Pattern.compile("\\s");
    private static final Pattern BLANKS = Pattern.compile("[ \\t]+");
    private static final String PLAIN_WORD = "[\\p{L}][\\p{L}'\u2019\\-]{1,30}";
    private static final Pattern WEAK_NUMBER_FIRST = Pattern.compile("(?<![\\w\\-.,])\\d{1,4}[A-Za-z]?(?!\\d)"
            + "(?:[ \\t](?:bis|ter))?,?[ \\t]{1,3}(" + PLAIN_WORD + "(?:[ \\t]{1,3}" + PLAIN_WORD + "){0,2})");
    private static final Pattern WEAK_NAME_FIRST = Pattern.compile("(?<![\\p{L}\\d])(" + PLAIN_WORD
            + "(?:[ \\t]{1,3}" + PLAIN_WORD + ")?)[ \\t]{1,3}\\d{1,4}(?:[ \\t]?[a-zA-Z](?![\\p{L}])|[-/]\\d{1,4}"
            + "|-[IVXivx]{1,3}|-hs)?(?![\\d\\p{L}])");
    /** Dutch postcode with lower-case letters, or five digits, then a lower-case city. */
    private static final Pattern LOWER_CASE_POSTCODE = Pattern.compile("(?<![\\w])(?:\\d{4}\\s?[a-z]{2}|\\d{5})"
            + "\\s{1,2}([\\p{Ll}][\\p{L}'\u2019\\-]{1,30})(?:\\s[\\p{Ll}][\\p{L}'\u2019\\-]{1,30})?(?=\\s{0,2}(?:[.,;!?)\\n]|$))");
    /**
     * A lower-case city (with a Dublin district number) before a lower-case US state and ZIP, UK postcode or
     * Eircode: "tacoma, wa 98402", "leeds ls6 2ab", "cork t12 x70a", "dublin 2, d02 x285". Group 3 is an Eircode's
     * unique identifier.
     */
    private static final Pattern LOWER_CASE_CITY_AND_CODE = Pattern.compile("(?<![\\p{L}\\d])(" + PLAIN_WORD
            + ")(?:\\s\\d{1,2})?,?\\s{1,2}(?:([a-z]{2})\\s{1,2}\\d{5}(?:-\\d{4})?"
            + "|[a-z]{1,2}\\d[a-z\\d]?\\s\\d[abd-hjlnp-uw-z]{2}"
            + "|(?:[ac-fhknprtv-y]\\d{2}|d6w)\\s?([0-9ac-fhknprtv-y]{4}))"
            + "(?![\\w])");
    /** Currencies and units after a five-digit number: an amount, not a postcode and city ("40000 euros."). */
    private static final Set<String> AMOUNT_WORDS = Set.of("euro", "euros", "eur", "dollar", "dollars", "usd",
            "pound", "pounds", "gbp", "quid", "bucks", "pence", "cents", "rupees", "inr", "yen", "jpy", "yuan",
            "francs", "chf", "pesos", "zloty", "kronor", "krona", "kroner", "points", "miles", "km", "kilometres",
            "kilometers", "steps", "credits", "coins", "tokens", "units", "items", "words", "characters", "bytes",
            "kb", "mb", "gb", "users", "customers", "people", "transactions", "payments", "orders", "messages",
            "calls", "minutes", "hours", "days", "times", "total", "each", "only", "left", "remaining", "owed",
            "outstanding", "due", "overdrawn", "short", "missing", "extra");
    /** Words that do not start or make up a street written without a street type. */
    private static final Set<String> NOT_IN_WEAK_STREETS = Set.of("now", "address", "lives", "live", "living",
            "moved", "post", "ship", "send", "sent", "card", "number", "me", "i", "we", "you", "is", "call",
            "flat", "apartment", "unit", "suite", "apt", "po", "box", "order", "ref", "account", "customer", "tel",
            "phone", "ext", "room", "floor", "since", "until", "about", "over", "under", "only", "just", "also", "after",
            "before", "between", "around", "and", "or", "not", "no", "yes", "please", "thanks", "pm", "au", "aux", "op", "bij",
            "naar", "voor", "bei", "nach", "zu", "chez", "en", "para", "per", "via");
    private static final Pattern GAP = Pattern.compile("[,\\s]{0,4}");
    /**
     * Longest distance in chars from a DE/NL street's first letter to its house number: two words and the gaps,
     * doubled because a letter outside the BMP takes two chars.
     */
    private static final int DE_NL_NUMBER_REACH = 2 * (1 + 40 + 1 + 2 + 20 + 1 + 3);
    /** An upper-case letter at the start of a word. */
    private static final MatchStart CAPITALISED_WORD = (text, index) -> Character.isUpperCase(text.charAt(index))
            && wordStart(text, index);
    /** One or two ASCII letters at the start of a word, then a digit: UK postcodes and Eircodes. */
    private static final MatchStart LETTERS_THEN_DIGIT = (text, index) -> index + 2 < text.length()
            && Character.isLetter(text.charAt(index)) && wordStart(text, index)
            && (MatchStart.isDigit(text.charAt(index + 1)) || MatchStart.isDigit(text.charAt(index + 2)));
    /** An upper-case letter with a comma or line break at most three characters before it. */
    private static final MatchStart AFTER_COMMA_OR_LINE = (text, index) -> {
        if (!Character.isUpperCase(text.charAt(index))) {
            return false;
        }
        for (int i = Math.max(0, index - 3); i < index; i++) {
            if (text.charAt(i) == ',' || text.charAt(i) == '\n') {
                return true;
            }
        }
        return false;
    };

    /**
     * A piece of an address. A group of adjacent parts is an address when one part is distinctive on its own, or
     * when it holds both a street-shaped part and a postcode-shaped part ("Am Rosengarten 42b, 01067 Dresden").
     */
    private record Part(int start, int end, boolean distinctive, boolean street, boolean postcode) {

        Part(int start, int end, boolean distinctive) {
            this(start, end, distinctive, false, false);
        }
    }

    @Override
    public String name() {
        return "street-address";
    }

    @Override
    public List<Finding> detect(String text) {
        if (!hasDigit(text)) {
            // Every distinctive part holds a digit: most short texts are done here.
            return List.of();
        }
        List<Part> parts = new ArrayList<>();
        PatternDetector.scan(HOUSE_NUMBER, text, MatchStart.DIGIT_RUN, number -> {
            int end = englishStreetEnd(text, number.end());
            if (end > 0) {
                parts.add(new Part(number.start(), end, true));
            }
        });
        int[] nextDigit = nextDigits(text);
        boolean lowerCaseEnding = mayHoldLowerCaseStreetEnding(text);
        MatchStart capitalisedBeforeNumber = (t, i) -> nextDigit[i] - i <= DE_NL_NUMBER_REACH
                && (Character.isUpperCase(t.charAt(i)) || lowerCaseEnding && Character.isLetter(t.charAt(i)))
                && wordStart(t, i);
        PatternDetector.scan(DE_NL_STREET, text, capitalisedBeforeNumber, deNl -> {
            if (hasStreetEnding(text, deNl)) {
                parts.add(new Part(deNl.start(), deNl.end(), true));
            }
        });
        add(parts, FR_STREET, MatchStart.DIGIT_RUN, text, true);
        add(parts, ES_IT_STREET, (t, i) -> "CAPVR".indexOf(t.charAt(i)) >= 0 && wordStart(t, i), text, true);
        addWithCity(parts, UK_POSTCODE_PART, LETTERS_THEN_DIGIT, text,
                code -> code.group(1) == null || lettersAndDigits(code.group(1)));
        addWithCity(parts, EIRCODE, LETTERS_THEN_DIGIT, text, code -> true);
        add(parts, NL_POSTCODE, MatchStart.DIGIT_RUN, text, true);
        addWithCity(parts, US_STATE_ZIP, (t, i) -> i + 1 < t.length() && isAsciiUpper(t.charAt(i))
                && isAsciiUpper(t.charAt(i + 1)) && wordStart(t, i), text,
                stateZip -> US_STATES.contains(stateZip.group().substring(0, 2)));
        addWeakParts(parts, text, nextDigit);
        if (parts.isEmpty()) {
            return List.of();
        }
        add(parts, CITY_AFTER_STREET, AFTER_COMMA_OR_LINE, text, false);
        add(parts, UNIT, MatchStart.wordStartingWith("faursbp"), text, false);
        add(parts, BARE_POSTCODE, MatchStart.DIGIT_RUN, text, false);
        return merge(text, parts);
    }

    /**
     * Whether a street starting with a lower-case letter can end like one ({@link #hasStreetEnding}): an all
     * lower-case word needs a {@link #LOWER_CASE_STREET_ENDINGS} entry, a mixed-case one ("bahnhofSTRASSE 5") any
     * {@link #STREET_ENDINGS} entry in lower case.
     */
    private static boolean mayHoldLowerCaseStreetEnding(String text) {
        if (LOWER_CASE_STREET_ENDINGS.stream().anyMatch(text::contains)) {
            return true;
        }
        String lowerCase = text.toLowerCase(Locale.ROOT);
        return !lowerCase.equals(text) && STREET_ENDINGS.stream().anyMatch(lowerCase::contains);
    }

    /** The word before the house number (or the first of two) ends like a street name. */
    private static boolean hasStreetEnding(String text, Matcher candidate) {
        String written = NUMBER_TAIL.matcher(text.substring(candidate.start(), candidate.end())).replaceFirst("");
        String words = written.toLowerCase(Locale.ROOT);
        List<String> endings = words.equals(written) ? LOWER_CASE_STREET_ENDINGS : STREET_ENDINGS;
        for (String word : SPACE.split(words)) {
            for (String ending : endings) {
                if (word.endsWith(ending) && word.length() > ending.length()
                        || word.equals(ending) && !word.equals(words)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void addWithCity(List<Part> parts, Pattern pattern, MatchStart where, String text,
                                    Predicate<Matcher> valid) {
        PatternDetector.scan(pattern, text, where, matcher -> {
            if (!valid.test(matcher)) {
                return;
            }
            int from = Math.max(0, matcher.start() - CITY_LOOK_BACK);
            Matcher city = CITY_BEFORE.matcher(text).region(from, matcher.start());
            city.useTransparentBounds(true);
            int start = city.find() ? city.start() : matcher.start();
            parts.add(new Part(start, matcher.end(), true));
        });
    }

    /**
     * Street- and postcode-shaped parts that are no address on their own: a house number with words after it, words
     * with a house number after them (streets without a known type: "Lange Voorhout 202", "Am Rosengarten 42b"),
     * and postcodes written in lower case ("80331 münchen", "9711 hm groningen", "tacoma, wa 98402", "leeds ls6
     * 2ab"). They join an address next to a distinctive part, or a street next to a postcode.
     */
    private static void addWeakParts(List<Part> parts, String text, int[] nextDigit) {
        PatternDetector.scan(LOWER_CASE_POSTCODE, text, MatchStart.DIGIT_RUN, code -> {
            if (!AMOUNT_WORDS.contains(code.group(1))) {
                parts.add(new Part(code.start(), code.end(), false, false, true));
            }
        });
        PatternDetector.scan(FIVE_DIGIT_CITY, text, MatchStart.DIGIT_RUN, code ->
                parts.add(new Part(code.start(), code.end(), false, false, true)));
        if (hasLowerCaseCode(text)) {
            PatternDetector.scan(LOWER_CASE_CITY_AND_CODE, text, (t, i) -> Character.isLetter(t.charAt(i))
                    && wordStart(t, i) && nextDigit[i] - i <= 40, code -> {
                if (plainWords(code.group(1))
                        && (code.group(2) == null || US_STATES.contains(code.group(2).toUpperCase(Locale.ROOT)))) {
                    // "dublin d02 x285" is an address on its own; "upgraded v12 2024" only joins a street.
                    boolean eircode = code.group(3) != null && lettersAndDigits(code.group(3));
                    parts.add(new Part(code.start(), code.end(), eircode, false, true));
                }
            });
        }
        if (parts.isEmpty()) {
            // A weak street joins only a distinctive part or a postcode: with neither, it cannot count.
            return;
        }
        PatternDetector.scan(WEAK_NUMBER_FIRST, text, MatchStart.DIGIT_RUN, street -> {
            if (plainWords(street.group(1))) {
                parts.add(new Part(street.start(), street.end(), false, true, false));
            }
        });
        PatternDetector.scan(WEAK_NAME_FIRST, text, (t, i) -> nextDigit[i] - i <= DE_NL_NUMBER_REACH
                && Character.isLetter(t.charAt(i)) && wordStart(t, i), street -> {
            if (plainWords(street.group(1))) {
                // "an Hauptstraße 12", "op Keizersgracht 123": a lower-case word before a capitalised one is not
                // part of the street.
                int start = street.start();
                for (int i = street.start(); i < street.end(1); i++) {
                    if (Character.isUpperCase(text.charAt(i)) && wordStart(text, i)) {
                        start = i;
                        break;
                    }
                }
                parts.add(new Part(start, street.end(), false, true, false));
            }
        });
    }

    /**
     * A lower-case letter right before a digit ("ls6", "t12") or two before one or two whitespace characters and a
     * digit ("wa 98402", "wa  98402"): what {@link #LOWER_CASE_CITY_AND_CODE} needs, so texts without it skip it.
     */
    private static boolean hasLowerCaseCode(String text) {
        for (int i = 0; i + 1 < text.length(); i++) {
            if (isAsciiLower(text.charAt(i)) && (MatchStart.isDigit(text.charAt(i + 1))
                    || isAsciiLower(text.charAt(i + 1)) && digitAfterOneOrTwoSpaces(text, i + 2))) {
                return true;
            }
        }
        return false;
    }

    private static boolean digitAfterOneOrTwoSpaces(String text, int from) {
        int i = from;
        while (i < text.length() && i - from < 2 && isRegexWhitespace(text.charAt(i))) {
            i++;
        }
        return i > from && i < text.length() && MatchStart.isDigit(text.charAt(i));
    }

    /** The characters of the regex class {@code \s}. */
    private static boolean isRegexWhitespace(char c) {
        return c == ' ' || c >= '\t' && c <= '\r';
    }

    private static boolean isAsciiLower(char c) {
        return c >= 'a' && c <= 'z';
    }

    private static boolean lettersAndDigits(String value) {
        return value.chars().anyMatch(MatchStart::isDigitCode) && value.chars().anyMatch(c -> c >= 'a' && c <= 'z');
    }

    /** No function word among the words ("is now 99", "to 12 items" are no street). */
    private static boolean plainWords(String words) {
        for (String word : BLANKS.split(words.toLowerCase(Locale.ROOT))) {
            if (NOT_IN_STREET_NAMES.contains(word) || NOT_IN_WEAK_STREETS.contains(word)) {
                return false;
            }
        }
        return true;
    }

    /** For every position, the position of the next ASCII digit at or after it (the text length if none). */
    private static int[] nextDigits(String text) {
        int[] next = new int[text.length() + 1];
        next[text.length()] = Integer.MAX_VALUE / 2;
        for (int i = text.length() - 1; i >= 0; i--) {
            next[i] = MatchStart.isDigit(text.charAt(i)) ? i : next[i + 1];
        }
        return next;
    }

    private static boolean wordStart(CharSequence text, int index) {
        return !(index > 0 && MatchStart.isAsciiLetterOrDigit(text.charAt(index - 1)));
    }

    private static boolean isAsciiUpper(char c) {
        return c >= 'A' && c <= 'Z';
    }

    private static boolean hasDigit(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isDigit(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /**
     * End of the street after a house number: up to four name words and a street type ("Baker Street", "Main St.",
     * "Pennsylvania Avenue NW"), or -1. Words are matched one at a time and the type looked up in a set, because a
     * regex alternation of all street types after every number was the detector's largest cost.
     */
    private static int englishStreetEnd(String text, int from) {
        Matcher word = STREET_WORD.matcher(text);
        Matcher gap = WORD_GAP.matcher(text);
        List<String> names = new ArrayList<>();
        int position = from;
        for (int count = 0; count < MAX_STREET_WORDS; count++) {
            if (!word.region(position, text.length()).lookingAt()) {
                return -1;
            }
            String value = word.group();
            String key = (value.endsWith(".") ? value.substring(0, value.length() - 1) : value).toLowerCase(Locale.ROOT);
            if (!names.isEmpty() && EN_TYPES.contains(key)) {
                if (!plausibleEnglishStreet(names, value)) {
                    return -1;
                }
                Matcher direction = DIRECTION.matcher(text).region(word.end(), text.length());
                return direction.lookingAt() ? direction.end() : word.end();
            }
            if (value.endsWith(".") && !key.equals("st")) {
                // "St. John Street" keeps going; any other word ending a sentence ends the street.
                value = key;
            }
            names.add(value);
            if (!gap.region(word.end(), text.length()).lookingAt()) {
                return -1;
            }
            position = gap.end();
        }
        return -1;
    }

    /** Lower-case street names are taken only with an unmistakable street type and without function words. */
    private static boolean plausibleEnglishStreet(List<String> names, String type) {
        boolean lowerCase = false;
        for (String word : names) {
            if (NOT_IN_STREET_NAMES.contains(word.toLowerCase(Locale.ROOT))) {
                return false;
            }
            lowerCase |= Character.isLowerCase(word.codePointAt(0));
        }
        String typeKey = (type.endsWith(".") ? type.substring(0, type.length() - 1) : type).toLowerCase(Locale.ROOT);
        boolean typeCapitalised = Character.isUpperCase(type.codePointAt(0));
        return !lowerCase && typeCapitalised || UNAMBIGUOUS_EN_TYPES.contains(typeKey);
    }

    private static void add(List<Part> parts, Pattern pattern, MatchStart where, String text, boolean distinctive) {
        PatternDetector.scan(pattern, text, where, matcher ->
                parts.add(new Part(matcher.start(), matcher.end(), distinctive)));
    }

    /** Overlapping or adjacent parts form one address; a group without a distinctive part is dropped. */
    private List<Finding> merge(String text, List<Part> parts) {
        parts.sort(Comparator.comparingInt(Part::start));
        List<Finding> findings = new ArrayList<>();
        int i = 0;
        while (i < parts.size()) {
            int start = parts.get(i).start();
            int end = parts.get(i).end();
            boolean distinctive = parts.get(i).distinctive();
            int firstStreet = parts.get(i).street() ? start : Integer.MAX_VALUE;
            int lastPostcode = parts.get(i).postcode() ? start : -1;
            int j = i + 1;
            while (j < parts.size() && (parts.get(j).start() <= end || joined(text, end, parts.get(j).start()))) {
                Part next = parts.get(j);
                end = Math.max(end, next.end());
                distinctive |= next.distinctive();
                firstStreet = next.street() ? Math.min(firstStreet, next.start()) : firstStreet;
                lastPostcode = next.postcode() ? Math.max(lastPostcode, next.start()) : lastPostcode;
                j++;
            }
            // A street and a postcode read from the same words ("56785 after six") are not both.
            if (distinctive || firstStreet < lastPostcode) {
                // Above phone numbers (0.9): digits inside an address ("9543 1819 St. John Street") are its numbers.
                findings.add(Finding.of(PiiType.STREET_ADDRESS, start, end, name(), 0.92));
            }
            i = j;
        }
        return findings;
    }

    private static boolean joined(String text, int end, int nextStart) {
        String gap = text.substring(end, nextStart);
        return GAP.matcher(gap).matches() && gap.indexOf('\n') == gap.lastIndexOf('\n');
    }
}
