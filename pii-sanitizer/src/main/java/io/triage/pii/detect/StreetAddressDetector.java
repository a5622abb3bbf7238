package io.triage.pii.detect;

import io.triage.pii.Detector;
import io.triage.pii.Finding;
import io.triage.pii.PiiType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
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
    private static final String EN_TYPES = "(?:street|st|road|rd|avenue|ave|av|lane|ln|drive|dr|boulevard|blvd"
            + "|way|court|ct|place|pl|square|sq|terrace|ter|crescent|cres|close|gardens|grove|hill|park|parkway|pkwy"
            + "|highway|hwy|freeway|fwy|expressway|row|mews|walk|circle|cir|trail|trl|plaza|alley|broadway|quay"
            + "|wharf|green|rise|view|parade|drove|loop|path|pike|turnpike|run|crossing|xing|ridge|heights|hts"
            + "|meadow|meadows|manor|harbor|harbour|junction|jct|point|pt|port|ports|ranch|ramp|rapids?|spur"
            + "|summit|tunnel|underpass|overpass|valley|village|ville|vista|vis|well|wells|stravenue|throughway"
            + "|trafficway|causeway|center|centre|estate|estates|ferry|field|fields|forest|fork|forks|fort|gateway"
            + "|glen|hollow|island|isle|key|knoll|landing|lodge|mall|mill|mills|mission|mount|motorway|neck|orchard"
            + "|oval|pass|passage|pines?|plains?|prairie|radial|shoals?|shores?|skyway|springs?|squares|station"
            + "|streets|stream|terraces|track|trace|union|unions|walks|ways|brooks?|burgs?|bypass|camp|canyon|cape"
            + "|cliffs?|club|commons?|corners?|course|courts|coves?|creek|crest|curve|dale|dam|divide|drives|falls?"
            + "|flats|fords?|forges?|garden|greens|groves|haven|hills|inlet|islands|keys|knolls|lakes?|lights?"
            + "|locks?|loaf|manors|mountains?|parks|parkways|plazas|ridges|river|roads|route|rte|shoal|valleys"
            + "|views|villages|viaduct|wall)";
    /** Words that cannot be part of a street name written in lower case ("5 miles down the road"). */
    private static final Set<String> NOT_IN_STREET_NAMES = Set.of("the", "a", "an", "for", "to", "in", "on", "at",
            "my", "your", "our", "his", "her", "their", "this", "that", "and", "or", "per", "each", "every", "with",
            "from", "by", "down", "up", "across", "along", "off", "of", "is", "was", "are", "were", "be", "it",
            "days", "weeks", "months", "years", "hours", "minutes", "times", "miles", "km", "items", "people");
    private static final Set<String> UNAMBIGUOUS_EN_TYPES = Set.of("street", "st", "road", "rd", "avenue", "ave",
            "lane", "ln", "drive", "boulevard", "blvd", "crescent", "terrace", "parkway", "pkwy", "highway", "hwy");
    private static final String FLAT = "(?:(?i:flat|apartment|apt|unit|suite|ste|room|floor)\\.?\\s?#?\\s?"
            + "[0-9A-Za-z]{1,5}[,\\s]{1,3})";
    private static final Pattern EN_STREET = Pattern.compile(FLAT + "?\\b\\d{1,5}[A-Za-z]?(?:[-/]\\d{1,4}[A-Za-z]?)?,?"
            + "\\s{1,3}((?:[\\p{L}\\d][\\p{L}'\u2019.\\-]{0,30}\\s{1,3}){0,4})((?i)" + EN_TYPES + ")\\b\\.?"
            + "(?:\\s(?:N|S|E|W|NE|NW|SE|SW)\\b\\.?)?(?:,?\\s{1,3}" + FLAT.replace("[,\\s]{1,3}", "") + ")?");
    private static final String SUFFIX_STREET = "[\\p{Lu}][\\p{L}\\-]{0,30}?(?:stra(?:ß|ss)e|str\\.|weg|gasse|platz"
            + "|allee|ring|damm|ufer|chaussee|steig|pfad|straat|laan|plein|gracht|kade|singel|dijk|steeg|hof|markt"
            + "|gatan|gata|v[äa]gen|vej|gade|veien|gate|tie|katu|polku|kuja)";
    private static final String SEPARATE_STREET = "[\\p{Lu}][\\p{L}\\-]{1,30}\\s(?:Stra(?:ß|ss)e|Str\\.|Weg|Platz"
            + "|Allee|Gasse|Ring|Damm)";
    private static final Pattern DE_NL_STREET = Pattern.compile("(?<![\\p{L}\\d])(?:" + SEPARATE_STREET + "|"
            + SUFFIX_STREET + ")\\s{1,3}\\d{1,4}(?:\\s?[a-zA-Z](?![\\p{L}])|\\s?[-/]\\s?\\d{1,4}|-[IV]{1,3})?");
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
    private static final String UK_POSTCODE = "(?:[A-Z]{1,2}\\d[A-Z\\d]?\\s?\\d[ABD-HJLNP-UW-Z]{2}"
            + "|[a-z]{1,2}\\d[a-z\\d]?\\s\\d[abd-hjlnp-uw-z]{2})";
    private static final Pattern UK_POSTCODE_PART = Pattern.compile("(?:" + CITY + ",?\\s)?(?<![\\w])" + UK_POSTCODE
            + "(?![\\w])");
    private static final Pattern EIRCODE = Pattern.compile("(?:" + CITY + ",?\\s)?(?<![\\w])(?:[AC-FHKNPRTV-Y]\\d{2}"
            + "|D6W)\\s?[0-9AC-FHKNPRTV-Y]{4}(?![\\w])");
    private static final Pattern NL_POSTCODE = Pattern.compile("(?<![\\w])\\d{4}\\s?(?!SA|SD|SS|MB|GB|KB|TB|PM|AM)"
            + "[A-Z]{2}\\s{1,2}" + CITY);
    private static final String US_STATES = "(?:AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI"
            + "|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|PR|AA|AE|AP)";
    private static final Pattern US_CITY_STATE_ZIP = Pattern.compile("(?:" + CITY + ",?\\s{1,2})?(?<![\\w])"
            + US_STATES + "\\s{1,2}\\d{5}(?:-\\d{4})?(?![\\w])");
    /** Five-digit postcode and city (DE, FR, ES, IT, US): an address part only next to a street. */
    private static final Pattern FIVE_DIGIT_CITY = Pattern.compile("(?<![\\w])\\d{5}\\s{1,2}" + CITY);
    /** A city, region or country on its own after a comma or line break, e.g. the last lines of a postal address. */
    private static final Pattern CITY_AFTER_STREET = Pattern.compile("(?<=[,\\n]\\s{0,2})" + CITY
            + "(?:\\s\\d{1,2})?(?=\\s{0,2}(?:[.,;!?)\\n]|$|\\d{4,5}\\b))");
    /** Flat, suite, unit or post-office box on its own: part of an address only next to one. */
    private static final Pattern UNIT = Pattern.compile("(?i)\\b(?:flat|apartment|apt|unit|suite|ste|room|floor|p\\.?o\\.?"
            + "\\s?box|box|psc)\\.?\\s?#?\\s?\\d{1,5}[a-z]?\\b");
    /** A bare four- or five-digit postcode: part of an address only next to one. */
    private static final Pattern BARE_POSTCODE = Pattern.compile("(?<![\\w.,\\-])\\d{4,5}(?![\\w\\-]|[.,]\\d)");
    private static final Pattern GAP = Pattern.compile("[,\\s]{0,4}");

    private record Part(int start, int end, boolean distinctive) {
    }

    @Override
    public String name() {
        return "street-address";
    }

    @Override
    public List<Finding> detect(String text) {
        List<Part> parts = new ArrayList<>();
        Matcher en = EN_STREET.matcher(text);
        while (en.find()) {
            if (plausibleEnglishStreet(en.group(1), en.group(2))) {
                parts.add(new Part(en.start(), en.end(), true));
            }
        }
        add(parts, DE_NL_STREET, text, true);
        add(parts, FR_STREET, text, true);
        add(parts, ES_IT_STREET, text, true);
        add(parts, UK_POSTCODE_PART, text, true);
        add(parts, EIRCODE, text, true);
        add(parts, NL_POSTCODE, text, true);
        add(parts, US_CITY_STATE_ZIP, text, true);
        add(parts, FIVE_DIGIT_CITY, text, false);
        add(parts, CITY_AFTER_STREET, text, false);
        add(parts, UNIT, text, false);
        add(parts, BARE_POSTCODE, text, false);
        return merge(text, parts);
    }

    /** Lower-case street names are taken only with an unmistakable street type and without function words. */
    private static boolean plausibleEnglishStreet(String names, String type) {
        String[] words = names.strip().split("\\s+");
        boolean lowerCase = false;
        for (String word : words) {
            if (word.isEmpty()) {
                continue;
            }
            if (NOT_IN_STREET_NAMES.contains(word.toLowerCase(Locale.ROOT))) {
                return false;
            }
            lowerCase |= Character.isLowerCase(word.codePointAt(0));
        }
        boolean named = !names.isBlank();
        boolean typeCapitalised = Character.isUpperCase(type.codePointAt(0));
        return named && (!lowerCase && typeCapitalised || UNAMBIGUOUS_EN_TYPES.contains(type.toLowerCase(Locale.ROOT)));
    }

    private static void add(List<Part> parts, Pattern pattern, String text, boolean distinctive) {
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            parts.add(new Part(matcher.start(), matcher.end(), distinctive));
        }
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
            int j = i + 1;
            while (j < parts.size() && (parts.get(j).start() <= end || joined(text, end, parts.get(j).start()))) {
                end = Math.max(end, parts.get(j).end());
                distinctive |= parts.get(j).distinctive();
                j++;
            }
            if (distinctive) {
                findings.add(Finding.of(PiiType.STREET_ADDRESS, start, end, name(), 0.85));
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
