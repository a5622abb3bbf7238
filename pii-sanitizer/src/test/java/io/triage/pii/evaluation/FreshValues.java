package io.triage.pii.evaluation;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Personal values for {@link FreshTexts}: cultures, phone regions, card brands, IBAN countries, account-id shapes
 * and address formats that neither the ticket generator, presidio-research's set, {@link HeldOutValues} nor
 * {@link UnseenValues} use. Written once, before the fourth round of tuning, and not adjusted afterwards.
 */
final class FreshValues {

    /** Chinese (pinyin), Indonesian, Pakistani, Bengali, Mexican, Italian, Swedish, Zulu, Israeli, Lithuanian,
     * Somali, Georgian. */
    private static final List<List<String>> GIVEN = List.of(
            List.of("Wei", "Xiaoling", "Haoran", "Meiling", "Zhiwei", "Yuting", "Jianhong", "Lihua"),
            List.of("Budi", "Siti", "Agus", "Dewi", "Rizky", "Putri", "Hendra", "Wulan"),
            List.of("Imran", "Ayesha", "Bilal", "Sana", "Usman", "Hira", "Faisal", "Mehwish"),
            List.of("Arif", "Nusrat", "Tanvir", "Farzana", "Sabbir", "Mitu", "Rafiq", "Shamima"),
            List.of("Guadalupe", "Jesús", "Ximena", "Alejandro", "Itzel", "Fernando", "Citlali", "Rodrigo"),
            List.of("Giulia", "Lorenzo", "Chiara", "Matteo", "Federica", "Alessandro", "Martina", "Davide"),
            List.of("Linnea", "Oskar", "Ebba", "Viktor", "Saga", "Gustav", "Maja", "Axel"),
            List.of("Thandiwe", "Sipho", "Nomvula", "Bongani", "Zanele", "Themba", "Lindiwe", "Mandla"),
            List.of("Noa", "Yosef", "Tamar", "Itai", "Shira", "Eitan", "Michal", "Avi"),
            List.of("Rūta", "Mantas", "Eglė", "Tomas", "Gintarė", "Darius", "Aistė", "Lukas"),
            List.of("Hodan", "Abdirahman", "Faadumo", "Mahad", "Ayaan", "Liban", "Sahra", "Guled"),
            List.of("Nino", "Giorgi", "Tamar", "Levan", "Mariam", "Davit", "Ketevan", "Irakli"));
    private static final List<List<String>> FAMILY = List.of(
            List.of("Wang", "Zhang", "Liu", "Chen", "Huang", "Zhao", "Zhou", "Xu"),
            List.of("Santoso", "Wijaya", "Hidayat", "Saputra", "Kusuma", "Purnomo", "Setiawan", "Nugroho"),
            List.of("Qureshi", "Chaudhry", "Malik", "Butt", "Siddiqui", "Abbasi", "Rana", "Sheikh"),
            List.of("Hossain", "Rahman", "Chowdhury", "Akter", "Islam", "Uddin", "Sarkar", "Talukder"),
            List.of("Hernández", "García", "Ramírez", "Flores", "Morales", "Jiménez", "Cruz", "Reyes"),
            List.of("Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci"),
            List.of("Lindqvist", "Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Bergström", "Lundgren"),
            List.of("Dlamini", "Nkosi", "Ndlovu", "Mthembu", "Zulu", "Khumalo", "Mkhize", "Ngcobo"),
            List.of("Cohen", "Levi", "Mizrahi", "Peretz", "Biton", "Friedman", "Avraham", "Katz"),
            List.of("Kazlauskas", "Petrauskienė", "Jankauskas", "Stankevičius", "Vasiliauskas", "Žukauskas",
                    "Butkus", "Paulauskaitė"),
            List.of("Warsame", "Farah", "Abdi", "Hassan", "Jama", "Mohamud", "Egal", "Nur"),
            List.of("Beridze", "Kapanadze", "Gelashvili", "Maisuradze", "Tsiklauri", "Lomidze", "Kiknadze",
                    "Abashidze"));

    /** Regions none of the other sets use, plus seven from the sanitiser's default list. */
    private static final List<String> PHONE_REGIONS = List.of("LT", "LV", "EE", "HR", "SK", "BG", "RS", "IS", "MT",
            "CY", "QA", "KW", "JO", "LK", "NP", "KH", "EC", "UY", "DO", "TN", "SN", "UG", "TZ", "US", "GB", "CN",
            "RU", "IT", "ES", "IR");
    private static final List<PhoneNumberUtil.PhoneNumberType> PHONE_TYPES = List.of(
            PhoneNumberUtil.PhoneNumberType.MOBILE, PhoneNumberUtil.PhoneNumberType.FIXED_LINE);
    private static final List<String> IBAN_COUNTRIES = List.of("BE:12", "AT:16", "PT:21", "PL:24", "NO:11",
            "FI:14", "LT:16", "EE:16", "LV:4L:13", "GB:4L:14");

    private final Random random;
    private final PhoneNumberUtil phones = PhoneNumberUtil.getInstance();

    FreshValues(Random random) {
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

    private String digits(int count) {
        StringBuilder out = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            out.append(random.nextInt(10));
        }
        return out.toString();
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
        String family = ascii(family(culture)).toLowerCase(Locale.ROOT);
        String local = switch (random.nextInt(4)) {
            case 0 -> given + "_" + family;
            case 1 -> given.charAt(0) + "." + family + between(1, 99);
            case 2 -> family + given.charAt(0);
            default -> given + "-" + family.charAt(0);
        };
        String domain = pick(List.of("qq.com", "163.com", "telkom.net.id", "ptcl.net.pk", "bol.com.br",
                "prodigy.net.mx", "libero.it", "telia.se", "mweb.co.za", "walla.co.il", "inbox.lt", "hormuud.so",
                "mail.ge", "företag.se", "xn--mller-kva.example"));
        return local + "@" + domain;
    }

    /** A valid number of one of 30 regions: national, international, E.164, with "(0)", or dotted groups. */
    String phone() {
        String region = pick(PHONE_REGIONS);
        PhoneNumber example = phones.getExampleNumberForType(region, PHONE_TYPES.get(random.nextInt(2)));
        if (example == null) {
            example = phones.getExampleNumber(region);
        }
        PhoneNumber number = varied(example);
        String international = phones.format(number, PhoneNumberUtil.PhoneNumberFormat.INTERNATIONAL);
        String national = phones.format(number, PhoneNumberUtil.PhoneNumberFormat.NATIONAL);
        String trunk = phones.getNddPrefixForRegion(region, true);
        String formatted = switch (random.nextInt(5)) {
            case 0 -> national;
            case 1 -> international;
            case 2 -> phones.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
            case 3 -> "0".equals(trunk) ? "+" + number.getCountryCode() + " (0)" + international.substring(
                    international.indexOf(' ') + 1) : international;
            default -> national.replaceAll("[\\s\\-()]+", ".").replaceAll("^\\.|\\.$", "");
        };
        return chance(0.1) ? formatted + pick(List.of(" extn ", " ext:", ", ext. ", " x.")) + between(10, 999)
                : formatted;
    }

    private PhoneNumber varied(PhoneNumber example) {
        for (int attempt = 0; attempt < 20; attempt++) {
            long nationalNumber = example.getNationalNumber();
            long changed = nationalNumber - nationalNumber % 1000 + random.nextInt(1000);
            PhoneNumber candidate = new PhoneNumber().setCountryCode(example.getCountryCode())
                    .setNationalNumber(changed).setItalianLeadingZero(example.isItalianLeadingZero());
            if (phones.isValidNumber(candidate)) {
                return candidate;
            }
        }
        return example;
    }

    /** A Luhn-valid card of a brand or grouping the other sets lack. */
    String card() {
        String brand = pick(List.of("jcb", "maestro", "mir", "visa13", "visa19", "unionpay19", "unionpay81",
                "amex", "diners", "discover"));
        String prefix = switch (brand) {
            case "jcb" -> "35" + between(28, 89);
            case "maestro" -> pick(List.of("6759", "5018", "5020", "6304"));
            case "mir" -> "220" + between(0, 4);
            case "visa13", "visa19" -> "4";
            case "unionpay19" -> "62";
            case "unionpay81" -> "81" + between(0, 71);
            case "amex" -> pick(List.of("34", "37"));
            case "diners" -> pick(List.of("300", "305", "38"));
            default -> pick(List.of("6011", "644", "65"));
        };
        int length = switch (brand) {
            case "visa13" -> 13;
            case "visa19", "unionpay19" -> 19;
            case "maestro" -> Integer.parseInt(pick(List.of("12", "16", "18", "19")));
            case "amex" -> 15;
            case "diners" -> 14;
            default -> 16;
        };
        StringBuilder number = new StringBuilder(prefix);
        number.append(digits(length - 1 - prefix.length()));
        for (int check = 0; check < 10; check++) {
            if (HeldOutValues.luhn(number + String.valueOf(check))) {
                number.append(check);
                break;
            }
        }
        String compact = number.toString();
        String separator = pick(List.of("", " ", "-", ".", " "));
        if (separator.isEmpty()) {
            return compact;
        }
        return switch (length) {
            case 15 -> compact.substring(0, 4) + separator + compact.substring(4, 10) + separator
                    + compact.substring(10);
            case 14 -> compact.substring(0, 4) + separator + compact.substring(4, 10) + separator
                    + compact.substring(10);
            default -> compact.replaceAll("(\\d{4})(?=\\d)", "$1" + separator);
        };
    }

    String iban() {
        String[] spec = pick(IBAN_COUNTRIES).split(":");
        String bban = spec.length == 3
                ? letters(Integer.parseInt(spec[1].substring(0, 1))) + digits(Integer.parseInt(spec[2]))
                : digits(Integer.parseInt(spec[1]));
        String numeric = HeldOutValues.toDigits(bban + spec[0] + "00");
        int check = 98 - new BigInteger(numeric).mod(BigInteger.valueOf(97)).intValue();
        String iban = spec[0] + String.format(Locale.ROOT, "%02d", check) + bban;
        return switch (random.nextInt(3)) {
            case 0 -> iban;
            case 1 -> iban.replaceAll("(.{4})(?=.)", "$1 ");
            default -> iban.replaceAll("(.{4})(?=.)", "$1 ").toLowerCase(Locale.ROOT);
        };
    }

    private String letters(int count) {
        StringBuilder out = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            out.append((char) ('A' + random.nextInt(26)));
        }
        return out.toString();
    }

    String ip() {
        return switch (random.nextInt(6)) {
            case 0, 1 -> between(1, 223) + "." + random.nextInt(256) + "." + random.nextInt(256) + "."
                    + between(1, 254);
            case 2 -> "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + between(1, 254) + "/"
                    + pick(List.of("8", "16", "24"));
            case 3 -> String.format(Locale.ROOT, "2a02:%x:%x:%x::%x", random.nextInt(0x10000),
                    random.nextInt(0x10000), 1 + random.nextInt(0xffff), 1 + random.nextInt(0xffff));
            case 4 -> String.format(Locale.ROOT, "2606:4700:%X:%X:%X:%X:%X:%X", random.nextInt(0x10000),
                    random.nextInt(0x10000), random.nextInt(0x10000), random.nextInt(0x10000),
                    random.nextInt(0x10000), 1 + random.nextInt(0xffff));
            default -> "::ffff:" + between(1, 223) + "." + random.nextInt(256) + "." + random.nextInt(256) + "."
                    + between(1, 254);
        };
    }

    String ssn() {
        int areaNumber = between(1, 772);
        String area = String.format(Locale.ROOT, "%03d", areaNumber == 666 ? 665 : areaNumber);
        String group = String.format(Locale.ROOT, "%02d", between(1, 99));
        String serial = String.format(Locale.ROOT, "%04d", between(1, 9999));
        return switch (random.nextInt(3)) {
            case 0 -> area + " " + group + " " + serial;
            case 1 -> area + "." + group + "." + serial;
            default -> area + "-" + group + "-" + serial;
        };
    }

    String nino() {
        String first = pick(List.of("A", "B", "C", "E", "H", "J", "K", "L", "M", "P", "R", "S", "T", "W", "Y"));
        String second = pick(List.of("A", "C", "E", "G", "H", "J", "L", "M", "N", "P", "R", "S", "W", "Y"));
        if (List.of("BG", "GB", "NK", "KN", "TN", "NT", "ZZ").contains(first + second)) {
            second = "A";
        }
        String digits = digits(6);
        String suffix = pick(List.of("A", "B", "C", "D"));
        return switch (random.nextInt(3)) {
            case 0 -> first + second + digits + suffix;
            case 1 -> (first + second + " " + digits.substring(0, 2) + " " + digits.substring(2, 4) + " "
                    + digits.substring(4) + " " + suffix).toLowerCase(Locale.ROOT);
            default -> first + second + " " + digits.substring(0, 2) + " " + digits.substring(2, 4) + " "
                    + digits.substring(4) + " " + suffix;
        };
    }

    String url(int culture) {
        String given = ascii(given(culture)).toLowerCase(Locale.ROOT);
        String family = ascii(family(culture)).toLowerCase(Locale.ROOT);
        return switch (random.nextInt(4)) {
            case 0 -> "https://bank.example.com/statements/" + between(2019, 2026) + "/" + family + "-" + given
                    + ".pdf";
            case 1 -> "http://portal.example.io/profile?name=" + given + "%20" + family;
            case 2 -> "www.example.org/c/" + digits(8);
            default -> "https://t.me/" + given + "_" + family;
        };
    }

    String account() {
        return switch (random.nextInt(7)) {
            case 0 -> pick(List.of("CUS", "MBR", "SUB")) + "/" + between(2018, 2026) + "/" + digits(5);
            case 1 -> pick(List.of("BK", "LN", "CT")) + digits(4) + letters(2);
            case 2 -> letters(3) + "-" + digits(2) + "-" + digits(5);
            case 3 -> "#" + digits(7);
            case 4 -> digits(4) + " " + digits(4) + " " + digits(2);
            case 5 -> pick(List.of("u.", "the_", "")) + pick(List.of("wei", "ebba", "itai", "hodan", "sipho"))
                    + pick(List.of("", "_")) + pick(List.of("kz", "x", "99", "2k", "dev")) + between(1, 99);
            default -> letters(1) + digits(9);
        };
    }

    String dateOfBirth() {
        int day = between(1, 28);
        int month = between(1, 12);
        int year = between(1935, 2007);
        return switch (random.nextInt(3)) {
            case 0 -> String.format(Locale.ROOT, "%02d.%02d.%d", day, month, year);
            case 1 -> String.format(Locale.ROOT, "%d/%d/%02d", month, day, year % 100);
            default -> pick(List.of("Feb", "Apr", "Jul", "Sep", "Nov")) + " " + day + ", " + year;
        };
    }

    /** UK, US, DE, FR, NL or IE, in formats the other sets do not use. */
    String address() {
        String lineBreak = chance(0.25) ? "\n" : ", ";
        return switch (random.nextInt(6)) {
            case 0 -> "Flat " + between(1, 30) + ", " + between(1, 200) + " " + pick(List.of("Kings Road",
                    "Station Parade", "Albert Terrace", "Mill Lane", "Park Crescent")) + lineBreak + pick(List.of(
                    "London SW3 4UD", "Leicester LE1 6RP", "Norwich NR2 1TF", "Aberdeen AB10 1XG", "Exeter EX4 3SR"));
            case 1 -> pick(List.of("Apt " + between(1, 20) + pick(List.of("A", "B", "C")) + ", ", ""))
                    + between(10, 9999) + " " + pick(List.of("W 57th St", "N Main St", "Elm Ave", "Lakeview Dr",
                    "Sunset Blvd")) + lineBreak + pick(List.of("New York, NY 10019", "Boise, ID 83702",
                    "Madison, WI 53703", "Albany, NY 12207", "Reno, NV 89501"));
            case 2 -> pick(List.of("Schillerplatz", "Goethestraße", "Bahnhofstr.", "Am Anger", "Kirchgasse"))
                    + " " + between(1, 90) + pick(List.of("", "a", "b")) + lineBreak + pick(List.of("01067 Dresden",
                    "04109 Leipzig", "80331 München", "50667 Köln", "99084 Erfurt"));
            case 3 -> between(1, 90) + pick(List.of("", " bis", " ter")) + " " + pick(List.of("place Bellecour",
                    "cours Mirabeau", "rue Nationale", "chemin des Vignes", "avenue Jean Jaurès")) + lineBreak
                    + pick(List.of("69002 Lyon", "13100 Aix-en-Provence", "37000 Tours", "31000 Toulouse",
                    "44000 Nantes"));
            case 4 -> pick(List.of("Stationsplein", "Lange Nieuwstraat", "Prinsengracht", "Dorpsstraat",
                    "Grote Markt")) + " " + between(1, 300) + pick(List.of("", "A", "-2")) + lineBreak
                    + pick(List.of("9726 AE Groningen", "3511 LK Utrecht", "1016 GV Amsterdam", "5611 AB Eindhoven",
                    "8011 PK Zwolle"));
            default -> pick(List.of("Apartment " + between(1, 40) + ", ", "")) + between(1, 99) + " "
                    + pick(List.of("Patrick Street", "Shop Street", "O'Connell Avenue", "Dublin Road",
                    "Strand Road")) + lineBreak + pick(List.of("Cork T12 F2X7", "Galway H91 E2K3",
                    "Limerick V94 R5T2", "Dundalk A91 K8P4", "Sligo F91 YX26"));
        };
    }

    private static String ascii(String name) {
        return java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    }
}
