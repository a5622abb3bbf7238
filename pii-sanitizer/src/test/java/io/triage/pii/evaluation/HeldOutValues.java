package io.triage.pii.evaluation;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Personal values for the held-out evaluation, from cultures, regions and formats that neither the ticket generator
 * nor the detectors' own tests use. Written once for issue 21 and not adjusted to the sanitiser's results.
 */
final class HeldOutValues {

    /** Given names and family names per culture: Vietnamese, Yoruba/Igbo, Polish, Brazilian, Korean, Egyptian, Tamil, Turkish, Dutch, Irish, Finnish, Swahili. */
    private static final List<List<String>> GIVEN = List.of(
            List.of("Thao", "Minh", "Huong", "Duc", "Lan", "Quang", "Trang", "Khoa"),
            List.of("Adaeze", "Chinedu", "Folake", "Obinna", "Temitope", "Ifeoma", "Babatunde", "Ngozi"),
            List.of("Zofia", "Wojciech", "Agnieszka", "Krzysztof", "Malgorzata", "Bartosz", "Jadwiga", "Mateusz"),
            List.of("Thiago", "Luana", "Gabriela", "Caio", "Raissa", "Joao", "Larissa", "Vinicius"),
            List.of("Jiwoo", "Seojun", "Minji", "Hyunwoo", "Yerin", "Dohyun", "Soyeon", "Jaehyuk"),
            List.of("Mostafa", "Yasmin", "Karim", "Nourhan", "Amr", "Rania", "Tarek", "Heba"),
            List.of("Karthik", "Meenakshi", "Arul", "Kavitha", "Senthil", "Lakshmi", "Vignesh", "Revathi"),
            List.of("Emre", "Elif", "Burak", "Zeynep", "Cem", "Ayse", "Kerem", "Selin"),
            List.of("Sanne", "Joris", "Femke", "Bram", "Lieke", "Thijs", "Maaike", "Ruben"),
            List.of("Aoife", "Cillian", "Niamh", "Oisin", "Siobhan", "Ciaran", "Grainne", "Padraig"),
            List.of("Aino", "Eetu", "Venla", "Juho", "Helmi", "Onni", "Sini", "Lauri"),
            List.of("Amani", "Baraka", "Zawadi", "Juma", "Neema", "Imani", "Rehema", "Tumaini"));
    private static final List<List<String>> FAMILY = List.of(
            List.of("Nguyen", "Tran", "Pham", "Hoang", "Vu", "Dang", "Bui", "Do"),
            List.of("Okonkwo", "Adeyemi", "Eze", "Balogun", "Nwosu", "Olawale", "Chukwu", "Adebayo"),
            List.of("Kowalczyk", "Wisniewski", "Zielinska", "Szymanski", "Wozniak", "Kaminska", "Lewandowski", "Dabrowski"),
            List.of("Carvalho", "Almeida", "Ribeiro", "Azevedo", "Barbosa", "Teixeira", "Moreira", "Cardoso"),
            List.of("Kim", "Park", "Choi", "Jeong", "Kang", "Yoon", "Jang", "Lim"),
            List.of("Abdelrahman", "El-Sayed", "Mansour", "Fathy", "Soliman", "Hegazy", "Ragab", "Shaker"),
            List.of("Subramanian", "Raghavan", "Pillai", "Krishnan", "Venkatesan", "Iyer", "Natarajan", "Murugan"),
            List.of("Yilmaz", "Demir", "Sahin", "Celik", "Aydin", "Ozturk", "Arslan", "Dogan"),
            List.of("de Vries", "Bakker", "Visser", "Smit", "Mulder", "de Boer", "Dekker", "Vermeulen"),
            List.of("O'Sullivan", "Byrne", "McCarthy", "Doyle", "Kavanagh", "Brennan", "Fitzgerald", "Quinlan"),
            List.of("Korhonen", "Virtanen", "Makinen", "Nieminen", "Heikkinen", "Laine", "Koskinen", "Jarvinen"),
            List.of("Mwangi", "Otieno", "Wanjiru", "Mutua", "Kamau", "Achieng", "Njoroge", "Kiprotich"));

    /** Regions of the phone numbers: some in the sanitiser's default list, some not. */
    private static final List<String> PHONE_REGIONS = List.of("VN", "NG", "PL", "BR", "KR", "EG", "IN", "TR", "NL",
            "IE", "FI", "KE", "ZA", "AR", "CO", "SA", "MY", "AU", "CA", "SE", "CH", "JP", "MX", "ID", "PH");
    private static final List<PhoneNumberUtil.PhoneNumberType> PHONE_TYPES = List.of(
            PhoneNumberUtil.PhoneNumberType.MOBILE, PhoneNumberUtil.PhoneNumberType.FIXED_LINE);

    private static final List<String> IBAN_COUNTRIES = List.of("DE:8:10", "FR:10:13", "NL:4:10", "ES:8:12",
            "IE:10:8", "FI:6:8", "PL:8:16", "BE:3:9", "AT:5:11", "PT:8:13");

    private final Random random;
    private final PhoneNumberUtil phones = PhoneNumberUtil.getInstance();

    HeldOutValues(Random random) {
        this.random = random;
    }

    String pick(List<String> values) {
        return values.get(random.nextInt(values.size()));
    }

    boolean chance(double probability) {
        return random.nextDouble() < probability;
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
        String local = ascii(given(culture)).toLowerCase(Locale.ROOT) + pick(List.of(".", "_", "", "-"))
                + ascii(family(culture)).toLowerCase(Locale.ROOT).replace(" ", "").replace("'", "")
                + (chance(0.4) ? String.valueOf(random.nextInt(99)) : "");
        String domain = pick(List.of("posteo.net", "seznam.cz", "mail.ee", "yandex.com", "zoho.eu", "tuta.io",
                "müller-bau.de", "xn--mller-bau-r9a.de", "bücherei.at", "mailbox.org", "fastmail.fm", "naver.com",
                "uol.com.br", "rambler.ru", "example.xn--p1ai", "kpn.nl", "eircom.net", "elisa.fi"));
        return local + "@" + domain;
    }

    /** A valid number of a random region, formatted national, international, E.164 or as bare national digits. */
    String phone() {
        String region = pick(PHONE_REGIONS);
        PhoneNumber example = phones.getExampleNumberForType(region, PHONE_TYPES.get(random.nextInt(2)));
        if (example == null) {
            example = phones.getExampleNumber(region);
        }
        PhoneNumber number = varied(example);
        String formatted = switch (random.nextInt(4)) {
            case 0 -> phones.format(number, PhoneNumberUtil.PhoneNumberFormat.NATIONAL);
            case 1 -> phones.format(number, PhoneNumberUtil.PhoneNumberFormat.INTERNATIONAL);
            case 2 -> phones.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
            default -> phones.format(number, PhoneNumberUtil.PhoneNumberFormat.NATIONAL).replaceAll("[^0-9]", "");
        };
        return chance(0.1) ? formatted + pick(List.of(" ext. ", " x", " extension ")) + (100 + random.nextInt(900))
                : formatted;
    }

    /** The example number with its last three digits changed, as long as it stays valid. */
    private PhoneNumber varied(PhoneNumber example) {
        for (int attempt = 0; attempt < 20; attempt++) {
            long national = example.getNationalNumber();
            long changed = national - national % 1000 + random.nextInt(1000);
            PhoneNumber candidate = new PhoneNumber().setCountryCode(example.getCountryCode())
                    .setNationalNumber(changed).setItalianLeadingZero(example.isItalianLeadingZero());
            if (phones.isValidNumber(candidate)) {
                return candidate;
            }
        }
        return example;
    }

    /** A Luhn-valid card number of a random network, grouped as printed or not. */
    String card() {
        String prefix = pick(List.of("4", "51", "55", "2221", "37", "6011", "35"));
        int length = prefix.equals("37") ? 15 : 16;
        StringBuilder digits = new StringBuilder(prefix);
        while (digits.length() < length - 1) {
            digits.append(random.nextInt(10));
        }
        for (int check = 0; check < 10; check++) {
            if (luhn(digits + String.valueOf(check))) {
                digits.append(check);
                break;
            }
        }
        String number = digits.toString();
        return chance(0.5) ? number : number.replaceAll("(\\d{4})(?=\\d)", "$1" + pick(List.of(" ", "-")));
    }

    /** A checksum-valid IBAN of a random SEPA country, grouped in fours or compact. */
    String iban() {
        String[] spec = pick(IBAN_COUNTRIES).split(":");
        StringBuilder bban = new StringBuilder();
        int length = Integer.parseInt(spec[1]) + Integer.parseInt(spec[2]);
        for (int i = 0; i < length; i++) {
            bban.append(random.nextInt(10));
        }
        String numeric = toDigits(bban + spec[0] + "00");
        int check = 98 - new BigInteger(numeric).mod(BigInteger.valueOf(97)).intValue();
        String iban = spec[0] + String.format(Locale.ROOT, "%02d", check) + bban;
        return chance(0.5) ? iban : iban.replaceAll("(.{4})(?=.)", "$1 ");
    }

    /** IPv4, or IPv6 in one of the RFC 4291/5952 forms. */
    String ip() {
        int a = 1 + random.nextInt(223);
        String v4 = a + "." + random.nextInt(256) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
        String g1 = Integer.toHexString(random.nextInt(0x10000));
        String g2 = Integer.toHexString(random.nextInt(0x10000));
        String g3 = Integer.toHexString(1 + random.nextInt(0xffff));
        return switch (random.nextInt(8)) {
            case 0 -> v4;
            case 1 -> v4 + "/" + (8 + random.nextInt(25));
            case 2 -> "2001:db8:" + g1 + ":" + g2 + ":0:0:0:" + g3;
            case 3 -> "2001:db8:" + g1 + "::" + g3;
            case 4 -> "::ffff:" + v4;
            case 5 -> "fe80::" + g3 + "%" + pick(List.of("eth0", "en0", "wlan1", "12"));
            case 6 -> "2a02:" + g1 + "::/" + pick(List.of("32", "48", "56", "64"));
            default -> "2001:db8::" + g3 + ":" + g1;
        };
    }

    String ssn() {
        String area = String.format(Locale.ROOT, "%03d", 1 + random.nextInt(665));
        String group = String.format(Locale.ROOT, "%02d", 1 + random.nextInt(99));
        String serial = String.format(Locale.ROOT, "%04d", 1 + random.nextInt(9999));
        String separator = pick(List.of("-", " ", "-", "."));
        return area + separator + group + separator + serial;
    }

    String nino() {
        String first = pick(List.of("A", "B", "C", "E", "H", "J", "K", "L", "M", "P", "R", "S", "T", "W", "Y"));
        String second = pick(List.of("A", "B", "C", "E", "H", "J", "K", "L", "M", "N", "P", "R", "S", "T", "W"));
        if (Set.of("BG", "GB", "NK", "KN", "TN", "NT", "ZZ").contains(first + second)) {
            // HMRC never issues these prefixes, so such a value is no NINO and must not be labelled as one.
            second = "A";
        }
        String digits = String.format(Locale.ROOT, "%06d", random.nextInt(1_000_000));
        String suffix = pick(List.of("A", "B", "C", "D"));
        String nino = switch (random.nextInt(3)) {
            case 0 -> first + second + digits + suffix;
            case 1 -> first + second + " " + digits.substring(0, 2) + " " + digits.substring(2, 4) + " "
                    + digits.substring(4) + " " + suffix;
            default -> first + second + " " + digits + " " + suffix;
        };
        return chance(0.2) ? nino.toLowerCase(Locale.ROOT) : nino;
    }

    String url(int culture) {
        String person = ascii(given(culture)).toLowerCase(Locale.ROOT) + "-"
                + ascii(family(culture)).toLowerCase(Locale.ROOT).replace(" ", "-").replace("'", "");
        return switch (random.nextInt(4)) {
            case 0 -> "https://portal.example-bank.com/customers/" + person + "/statements?month=" + (1
                    + random.nextInt(12));
            case 1 -> "http://www.myshop.io/order/" + (100000 + random.nextInt(900000)) + "?email=" + person
                    + "%40mail.com";
            case 2 -> "www.facebook.com/" + person;
            default -> "linkedin.com/in/" + person + "-" + random.nextInt(1000);
        };
    }

    String accountNumber() {
        return switch (random.nextInt(3)) {
            case 0 -> String.valueOf(10_000_000 + random.nextInt(90_000_000));
            case 1 -> "CU" + (100_000 + random.nextInt(900_000));
            default -> Long.toString(Math.abs(random.nextLong()) % 1_000_000_000L, 36).toUpperCase(Locale.ROOT);
        };
    }

    /** A street address in the convention of one of UK, US, DE, FR, NL, IE, sometimes over two lines. */
    String address() {
        int number = 1 + random.nextInt(240);
        String newline = chance(0.2) ? "\n" : ", ";
        return switch (random.nextInt(6)) {
            case 0 -> (chance(0.3) ? "Flat " + (1 + random.nextInt(20)) + ", " : "") + number + " "
                    + pick(List.of("Elm Grove", "Station Road", "Queens Crescent", "Mill Lane", "Kingsway",
                    "Wellington Terrace", "Holly Close", "Orchard Way")) + newline
                    + pick(List.of("Leeds LS6 2AB", "Bristol BS8 1TH", "Norwich NR2 4PD", "Cardiff CF10 3AT",
                    "Glasgow G12 8QQ", "York YO1 7HH"));
            case 1 -> number + " " + pick(List.of("Maple Avenue", "Cedar Street", "Lakeview Drive",
                    "Sunset Boulevard", "Willow Lane", "Pine Ridge Road", "Harbor Way", "Jefferson Pkwy"))
                    + (chance(0.3) ? " Apt " + (1 + random.nextInt(30)) + pick(List.of("A", "B", "")) : "") + newline
                    + pick(List.of("Austin, TX 78701", "Columbus, OH 43215", "Tacoma, WA 98402",
                    "Raleigh, NC 27601", "Boise, ID 83702", "Madison, WI 53703"));
            case 2 -> pick(List.of("Goethestraße", "Lindenweg", "Schillerplatz", "Bahnhofstraße",
                    "Am Rosengarten", "Eichendorffstr.", "Kastanienallee")) + " " + number
                    + pick(List.of("", "a", "b")) + newline + pick(List.of("80331 München", "50667 Köln",
                    "01067 Dresden", "28195 Bremen", "90402 Nürnberg", "04109 Leipzig"));
            case 3 -> number + pick(List.of("", " bis", " ter")) + " " + pick(List.of("rue Victor Hugo",
                    "avenue Jean Jaurès", "boulevard Voltaire", "rue des Lilas", "place de la République",
                    "chemin du Moulin")) + newline + pick(List.of("69003 Lyon", "31000 Toulouse", "13001 Marseille",
                    "44000 Nantes", "67000 Strasbourg", "33000 Bordeaux"));
            case 4 -> pick(List.of("Prinsengracht", "Dorpsstraat", "Kerkweg", "Stationsplein", "Molenlaan",
                    "Lange Voorhout")) + " " + number + pick(List.of("", "A", "-2")) + newline
                    + pick(List.of("1016 GV Amsterdam", "3511 LX Utrecht", "2514 JK Den Haag", "9711 HM Groningen",
                    "5611 EM Eindhoven"));
            default -> (chance(0.3) ? "Apartment " + (1 + random.nextInt(40)) + ", " : "") + number + " "
                    + pick(List.of("Main Street", "O'Connell Street", "Patrick Street", "Shop Street",
                    "Dominick Street", "Quay Street")) + newline + pick(List.of("Galway H91 E2K8",
                    "Cork T12 X70A", "Limerick V94 T9PX", "Dublin 2, D02 YX88", "Sligo F91 H2W4"));
        };
    }

    private static String ascii(String name) {
        return java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    }

    static String toDigits(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            out.append(Character.getNumericValue(c));
        }
        return out.toString();
    }

    static boolean luhn(String digits) {
        int sum = 0;
        boolean doubled = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int digit = digits.charAt(i) - '0';
            if (doubled) {
                digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
            }
            sum += digit;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }
}
