package io.triage.pii.evaluation;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Personal values for {@link UnseenTexts}: cultures, phone regions, IBAN countries and address formats that neither
 * the ticket generator, presidio-research's set nor {@link HeldOutValues} use. Written once, before the second round
 * of tuning, and not adjusted afterwards.
 */
final class UnseenValues {

    /** Greek, Hungarian, Filipino, Persian, Amharic, Czech, Romanian, Japanese, Akan, Thai, Ukrainian, Welsh. */
    private static final List<List<String>> GIVEN = List.of(
            List.of("Eleni", "Giorgos", "Dimitra", "Nikos", "Katerina", "Yiannis", "Sofia", "Panagiotis"),
            List.of("Zsofia", "Laszlo", "Eszter", "Gergely", "Reka", "Balazs", "Anikó", "Tamás"),
            List.of("Maricel", "Rommel", "Jocelyn", "Arnel", "Lorna", "Jericho", "Rowena", "Dindo"),
            List.of("Parisa", "Dariush", "Shirin", "Kourosh", "Nasrin", "Bahram", "Laleh", "Arash"),
            List.of("Selam", "Tesfaye", "Hiwot", "Dawit", "Meron", "Yohannes", "Tigist", "Abebe"),
            List.of("Tereza", "Jiří", "Lucie", "Ondřej", "Kateřina", "Vojtěch", "Markéta", "Radek"),
            List.of("Ioana", "Mihai", "Andreea", "Bogdan", "Roxana", "Cristian", "Oana", "Sorin"),
            List.of("Haruto", "Yui", "Sota", "Aoi", "Ren", "Hina", "Takumi", "Sakura"),
            List.of("Kwame", "Akosua", "Kofi", "Abena", "Yaw", "Efua", "Kwabena", "Adjoa"),
            List.of("Somchai", "Nattaya", "Anurak", "Pimchanok", "Kittisak", "Siriporn", "Thanawat", "Wanida"),
            List.of("Oksana", "Taras", "Nataliia", "Bohdan", "Iryna", "Mykola", "Olena", "Yaroslav"),
            List.of("Rhys", "Cerys", "Gethin", "Bethan", "Dafydd", "Angharad", "Iwan", "Ffion"));
    private static final List<List<String>> FAMILY = List.of(
            List.of("Papadopoulou", "Georgiou", "Konstantinidis", "Nikolaou", "Vlachos", "Karagiannis", "Oikonomou", "Makris"),
            List.of("Nagy", "Kovács", "Tóth", "Szabó", "Horváth", "Varga", "Kiss", "Molnár"),
            List.of("Dela Cruz", "Bautista", "Villanueva", "Mendoza", "Santiago", "Aquino", "Manalo", "Pascual"),
            List.of("Hosseini", "Mohammadi", "Rahimi", "Karimi", "Ahmadi", "Jafari", "Moradi", "Sadeghi"),
            List.of("Bekele", "Tadesse", "Haile", "Alemu", "Girma", "Mekonnen", "Tesfaye", "Wolde"),
            List.of("Novák", "Svoboda", "Dvořák", "Černý", "Procházková", "Kučera", "Veselý", "Horák"),
            List.of("Popescu", "Ionescu", "Dumitrescu", "Stan", "Gheorghiu", "Munteanu", "Constantin", "Lazăr"),
            List.of("Sato", "Suzuki", "Takahashi", "Watanabe", "Yamamoto", "Nakamura", "Kobayashi", "Kato"),
            List.of("Mensah", "Boateng", "Owusu", "Asante", "Osei", "Agyeman", "Appiah", "Darko"),
            List.of("Srisuk", "Wongsawat", "Chaiyaporn", "Rattanakorn", "Boonmee", "Kittikun", "Saetang", "Phromma"),
            List.of("Shevchenko", "Kovalenko", "Bondarenko", "Tkachenko", "Kravchenko", "Melnyk", "Boyko", "Oliinyk"),
            List.of("Jones", "Pritchard", "Llewellyn", "Griffiths", "Vaughan", "Powell", "Morgan", "Bowen"));

    /** Regions none of the other sets use, plus five from the sanitiser's default list. */
    private static final List<String> PHONE_REGIONS = List.of("AT", "BE", "DK", "NO", "PT", "GR", "HU", "CZ", "RO",
            "UA", "IL", "AE", "SG", "HK", "TW", "NZ", "CL", "PE", "GH", "MA", "DE", "FR", "PK", "BD", "TH");
    private static final List<PhoneNumberUtil.PhoneNumberType> PHONE_TYPES = List.of(
            PhoneNumberUtil.PhoneNumberType.MOBILE, PhoneNumberUtil.PhoneNumberType.FIXED_LINE);
    private static final List<String> IBAN_COUNTRIES = List.of("IT:11:12", "LU:3:13", "DK:4:10", "SE:3:17",
            "CH:5:12", "SK:4:16", "CZ:4:16", "HR:7:10", "GR:7:16", "SI:5:10");

    private final Random random;
    private final PhoneNumberUtil phones = PhoneNumberUtil.getInstance();

    UnseenValues(Random random) {
        this.random = random;
    }

    private String pick(List<String> values) {
        return values.get(random.nextInt(values.size()));
    }

    private boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    private int between(int low, int high) {
        return low + random.nextInt(high - low + 1);
    }

    int culture() {
        return random.nextInt(GIVEN.size());
    }

    String given(int culture) {
        return pick(GIVEN.get(culture));
    }

    String family(int culture) {
        return pick(FAMILY.get(culture));
    }

    String email(int culture) {
        String given = ascii(given(culture)).toLowerCase(Locale.ROOT);
        String family = ascii(family(culture)).toLowerCase(Locale.ROOT).replace(" ", "");
        String local = switch (random.nextInt(4)) {
            case 0 -> given.charAt(0) + family;
            case 1 -> family + "." + given;
            case 2 -> given + "+bank" + between(1, 99);
            default -> given + between(1950, 2005);
        };
        String domain = pick(List.of("otenet.gr", "freemail.hu", "yahoo.com.ph", "chmail.ir", "ethionet.et",
                "centrum.cz", "gmail.ro", "docomo.ne.jp", "ghana.com", "hotmail.co.th", "ukr.net", "btinternet.com",
                "почта.рф", "例え.jp", "xn--80a1acny.xn--p1ai", "tpg.com.au", "web.de", "orange.fr"));
        return local + "@" + domain;
    }

    /** A valid number of one of 25 regions: national, international, E.164, 00-prefixed or dashed (RFC 3966). */
    String phone() {
        String region = pick(PHONE_REGIONS);
        PhoneNumber example = phones.getExampleNumberForType(region, PHONE_TYPES.get(random.nextInt(2)));
        if (example == null) {
            example = phones.getExampleNumber(region);
        }
        PhoneNumber number = varied(example);
        String international = phones.format(number, PhoneNumberUtil.PhoneNumberFormat.INTERNATIONAL);
        String formatted = switch (random.nextInt(5)) {
            case 0 -> phones.format(number, PhoneNumberUtil.PhoneNumberFormat.NATIONAL);
            case 1 -> international;
            case 2 -> phones.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
            case 3 -> "00" + international.substring(1);
            default -> phones.format(number, PhoneNumberUtil.PhoneNumberFormat.RFC3966).substring("tel:".length());
        };
        return chance(0.1) ? formatted + pick(List.of(" ext ", " x ", " #", " ext. ")) + between(10, 9999)
                : formatted;
    }

    private PhoneNumber varied(PhoneNumber example) {
        for (int attempt = 0; attempt < 20; attempt++) {
            long national = example.getNationalNumber();
            long changed = national - national % 100 + random.nextInt(100);
            PhoneNumber candidate = new PhoneNumber().setCountryCode(example.getCountryCode())
                    .setNationalNumber(changed).setItalianLeadingZero(example.isItalianLeadingZero());
            if (phones.isValidNumber(candidate)) {
                return candidate;
            }
        }
        return example;
    }

    /** A Luhn-valid card: Visa, Mastercard, Amex, Diners, Discover, UnionPay; compact, spaced or dashed. */
    String card() {
        String prefix = pick(List.of("49", "53", "2720", "34", "36", "65", "62"));
        int length = prefix.equals("34") ? 15 : prefix.equals("36") ? 14 : 16;
        StringBuilder digits = new StringBuilder(prefix);
        while (digits.length() < length - 1) {
            digits.append(random.nextInt(10));
        }
        for (int check = 0; check < 10; check++) {
            if (HeldOutValues.luhn(digits + String.valueOf(check))) {
                digits.append(check);
                break;
            }
        }
        String number = digits.toString();
        if (length != 16 || chance(0.4)) {
            return number;
        }
        return number.replaceAll("(\\d{4})(?=\\d)", "$1" + pick(List.of(" ", "-", "  ")));
    }

    String iban() {
        String[] spec = pick(IBAN_COUNTRIES).split(":");
        StringBuilder bban = new StringBuilder();
        int length = Integer.parseInt(spec[1]) + Integer.parseInt(spec[2]);
        for (int i = 0; i < length; i++) {
            bban.append(random.nextInt(10));
        }
        String numeric = HeldOutValues.toDigits(bban + spec[0] + "00");
        int check = 98 - new BigInteger(numeric).mod(BigInteger.valueOf(97)).intValue();
        String iban = spec[0] + String.format(Locale.ROOT, "%02d", check) + bban;
        return switch (random.nextInt(3)) {
            case 0 -> iban;
            case 1 -> iban.replaceAll("(.{4})(?=.)", "$1 ");
            default -> iban.toLowerCase(Locale.ROOT);
        };
    }

    String ip() {
        String v4 = between(1, 223) + "." + random.nextInt(256) + "." + random.nextInt(256) + "." + between(1, 254);
        String g1 = Integer.toHexString(random.nextInt(0x10000));
        String g2 = Integer.toHexString(1 + random.nextInt(0xffff));
        return switch (random.nextInt(7)) {
            case 0, 1 -> v4;
            case 2 -> "fd00:" + g1 + ":" + g2 + "::1";
            case 3 -> "2001:0db8:" + String.format(Locale.ROOT, "%04x:%04x", random.nextInt(0x10000),
                    random.nextInt(0x10000)) + ":0000:0000:0000:" + String.format(Locale.ROOT, "%04x", between(1, 0xffff));
            case 4 -> "::1";
            case 5 -> "fe80::" + g1 + ":" + g2 + "%" + pick(List.of("wlp2s0", "eth1", "3"));
            default -> "64:ff9b::" + v4;
        };
    }

    String ssn() {
        int areaNumber = between(1, 898);
        String area = String.format(Locale.ROOT, "%03d", areaNumber == 666 ? 667 : areaNumber);
        String group = String.format(Locale.ROOT, "%02d", between(1, 99));
        String serial = String.format(Locale.ROOT, "%04d", between(1, 9999));
        return chance(0.25) ? area + group + serial : area + "-" + group + "-" + serial;
    }

    String nino() {
        String first = pick(List.of("A", "B", "C", "E", "G", "H", "J", "L", "N", "O", "P", "R", "S", "W", "Y", "Z"));
        String second = pick(List.of("A", "B", "E", "H", "J", "K", "L", "M", "P", "R", "T", "W", "X", "Y", "Z"));
        if (List.of("BG", "GB", "NK", "KN", "TN", "NT", "ZZ").contains(first + second)) {
            second = "H";
        }
        String digits = String.format(Locale.ROOT, "%06d", random.nextInt(1_000_000));
        String suffix = pick(List.of("A", "B", "C", "D"));
        return switch (random.nextInt(3)) {
            case 0 -> first + second + "-" + digits.substring(0, 2) + "-" + digits.substring(2, 4) + "-"
                    + digits.substring(4) + "-" + suffix;
            case 1 -> first + second + digits.substring(0, 2) + " " + digits.substring(2, 4) + " "
                    + digits.substring(4) + suffix;
            default -> first + second + " " + digits.substring(0, 2) + " " + digits.substring(2, 4) + " "
                    + digits.substring(4) + " " + suffix;
        };
    }

    String url(int culture) {
        String given = ascii(given(culture)).toLowerCase(Locale.ROOT);
        String family = ascii(family(culture)).toLowerCase(Locale.ROOT).replace(" ", "");
        return switch (random.nextInt(5)) {
            case 0 -> "https://drive.example.org/share/" + Long.toHexString(random.nextLong()) + "/" + given
                    + "_passport.pdf";
            case 1 -> "HTTPS://Support.Example.co.uk/tickets?id=" + between(10000, 99999) + "&user=" + given;
            case 2 -> "ftp://files.example.net/upload/" + family + "/";
            case 3 -> "https://wa.me/" + between(100000000, 999999999);
            default -> "example.com/u/" + given + "." + family + "#profile";
        };
    }

    String account() {
        return switch (random.nextInt(5)) {
            case 0 -> "PLX-" + between(100000, 999999);
            case 1 -> "A" + between(1000, 9999) + "B" + between(100, 999);
            case 2 -> between(1000, 9999) + "-" + between(1000, 9999) + "-" + String.format(Locale.ROOT, "%02d",
                    between(0, 99));
            case 3 -> String.valueOf(between(100_000, 99_999_999));
            default -> pick(List.of("kat", "bmx", "zed", "moe", "jj")) + pick(List.of("_", ".", "")) + between(10,
                    9999);
        };
    }

    String dateOfBirth() {
        int day = between(1, 28);
        int month = between(1, 12);
        int year = between(1940, 2006);
        return switch (random.nextInt(3)) {
            case 0 -> String.format(Locale.ROOT, "%02d/%02d/%d", day, month, year);
            case 1 -> String.format(Locale.ROOT, "%d-%02d-%02d", year, month, day);
            default -> day + " " + pick(List.of("January", "March", "June", "August", "October", "December")) + " "
                    + year;
        };
    }

    /** UK, US, DE, FR, NL or IE, in formats the first held-out set does not use. */
    String address() {
        String lineBreak = chance(0.25) ? "\n" : ", ";
        int number = between(1, 399);
        return switch (random.nextInt(6)) {
            case 0 -> pick(List.of("", number + "a ", "Unit " + between(1, 12) + ", ")) + between(1, 99) + " "
                    + pick(List.of("Church Street", "Victoria Road", "Bridge Lane", "Greenfield Avenue",
                    "Meadow Close", "Castle Hill")) + lineBreak + pick(List.of("Swansea SA1 3QT", "Bath BA1 2HX",
                    "Derby DE1 1DZ", "Reading RG1 8EQ", "Inverness IV2 3HL", "Belfast BT7 1NN"));
            case 1 -> (chance(0.5) ? between(100, 9999) + " " + pick(List.of("Oak Street", "Pleasant Avenue",
                    "Riverside Drive", "Mill Road", "Chestnut Court", "Highland Blvd")) + pick(List.of("", ", Suite "
                    + between(100, 900), " #" + between(1, 40))) : "PO Box " + between(10, 9999)) + lineBreak
                    + pick(List.of("Denver, CO 80202", "Portland, ME 04101", "Omaha, NE 68102",
                    "Savannah, GA 31401", "Fresno, CA 93721", "Tulsa, OK 74103"));
            case 2 -> (chance(0.3) ? "c/o " + pick(List.of("Familie Schmidt", "Müller GmbH")) + lineBreak : "")
                    + pick(List.of("Hauptstr.", "Uhlandstraße", "Am Markt", "Rosenweg", "Lindenallee",
                    "Im Winkel")) + " " + number + lineBreak + pick(List.of("10115 Berlin", "20095 Hamburg",
                    "70173 Stuttgart", "60311 Frankfurt am Main", "30159 Hannover", "53111 Bonn"));
            case 3 -> (chance(0.3) ? "Bâtiment " + pick(List.of("A", "B", "C")) + ", " : "") + number + " "
                    + pick(List.of("allée des Tilleuls", "rue du Faubourg Saint-Antoine", "avenue de la Gare",
                    "impasse des Roses", "quai de la Loire", "boulevard Gambetta")) + lineBreak
                    + pick(List.of("75011 Paris", "59000 Lille", "35000 Rennes", "06000 Nice", "21000 Dijon",
                    "87000 Limoges"));
            case 4 -> pick(List.of("Herengracht", "Oudegracht", "Vondelstraat", "Markt", "Kerkstraat",
                    "Nieuwe Binnenweg")) + " " + number + pick(List.of("", "-III", "-hs", " bis")) + lineBreak
                    + pick(List.of("1015 BS Amsterdam", "3512 JE Utrecht", "3014 GK Rotterdam", "6211 CL Maastricht",
                    "2311 EZ Leiden"));
            default -> between(1, 120) + " " + pick(List.of("Ashgrove Park", "Church Road", "Main Street",
                    "Seafield Avenue", "Castle Street", "Grange Road")) + lineBreak + pick(List.of(
                    "Ballincollig, Co. Cork P31 X2Y3", "Swords, Co. Dublin K67 F2X8", "Tralee V92 NX82",
                    "Dublin 6W, D6W Y2K5", "Navan, Co. Meath C15 T6K3"));
        };
    }

    private static String ascii(String name) {
        return java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    }
}
