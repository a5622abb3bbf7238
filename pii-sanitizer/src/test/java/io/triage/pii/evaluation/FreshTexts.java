package io.triage.pii.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The third unseen set of issue 21, frozen before any tuning of the fourth round: the second unseen set
 * ({@link UnseenTexts}, seed 2112) had its aggregate tables printed, so it became development data. New templates
 * (agent notes, call-centre dispositions, complaint forms, chat handovers, payee lines, sign-offs such as "Best,\nX",
 * "— X", "X speaking", "name's X", "Yours sincerely,\nX Y"), twelve cultures no other set uses, phone numbers of 30
 * other regions (also with a "(0)" trunk prefix, dotted groups and other extension words), card brands and
 * groupings the other sets lack (JCB, Maestro, Mir, 13- and 19-digit Visa, UnionPay 19 digits and its 81 range, Amex
 * 4-6-5 and Diners 4-6-4 groups, dotted groups), other account-id shapes and context words. A tenth of the texts
 * are upper case, a sixth lower case. Measured once at the start and once at the end of the fourth round; since the
 * fifth round it is development data (its misses were printed, read and fixed), so it no longer measures
 * generalisation.
 */
final class FreshTexts {

    private static final List<String> TEMPLATES = List.of(
            "Agent note: spoke with {full}, verified DOB {dob}, issue resolved.",
            "Caller: {full}\nCallback: {phone}\nDisposition: escalated",
            "Customer {full} says the ATM kept her card.",
            "Best,\n{given}",
            "Cheers\n{full}",
            "Thank you,\n{full}\nCustomer since 2015",
            "Yours sincerely,\n{full}",
            "Speak soon - {given}",
            "\u2014 {given}",
            "rgds, {given}",
            "BR\n{full}",
            "{given} speaking, I rang earlier about a double charge.",
            "Hiya, name's {given}, I can't see my savings pot.",
            "You're talking to {full}, the primary account holder.",
            "Good morning, it is {full} from the accounts team at my company.",
            "hey its {given} again lol, still no refund",
            "Chat handed over from bot. Customer name: {full}. Topic: card replacement.",
            "My wife {given} and I share the account, please add her.",
            "Transfer to {full} failed twice yesterday.",
            "I paid {full} for the rent and it bounced.",
            "Complaint form\nName: {full}\nContact number: {phone}\nPreferred email: {email}",
            "Reach me on {phone} (mobile) or at {email}.",
            "Landline {phone}, after 6pm please.",
            "Tel. {phone} / Fax {phone}",
            "WhatsApp: {phone}",
            "Please ring {phone}, ask for {given} in payroll.",
            "Replacement card {card} arrived damaged.",
            "Old card was {card}, new one {card}.",
            "The merchant charged card no. {card} twice",
            "Payment with {card} on 3 May, amount 49.99",
            "Send the refund to {iban} please.",
            "IBAN {iban} / BIC NWBKGB2L",
            "Membership no. {account}, please update my details.",
            "Booking ref: {account}",
            "Subscriber ID {account} shows as inactive.",
            "Customer reference {account} - direct debit bounced",
            "My login name is {account} and it says locked.",
            "Contract no. {account} was cancelled without notice.",
            "Loyalty number {account} has no points.",
            "acct# {account} still overdrawn",
            "Suspicious login from {ip} on my profile.",
            "Device IP {ip}",
            "SSN {ssn}, as requested by your colleague.",
            "National Insurance: {nino}",
            "Statement link: {url}",
            "Please post it to {address}.",
            "Correspondence address:\n{address}",
            "{full}\n{address}\n{phone}",
            "Moved house, new address is {address}, effective Monday.");

    private static final Pattern SLOT = Pattern.compile("\\{(\\w+)}");

    private FreshTexts() {
    }

    /** {@code count} texts generated with {@code seed}. */
    static List<LabelledText> generate(long seed, int count) {
        Random random = new Random(seed);
        FreshValues values = new FreshValues(random);
        List<LabelledText> texts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String template = TEMPLATES.get(random.nextInt(TEMPLATES.size()));
            double casing = random.nextDouble();
            texts.add(fill(template, values, casing < 0.17 ? Case.LOWER : casing < 0.27 ? Case.UPPER
                    : Case.AS_WRITTEN));
        }
        return texts;
    }

    private enum Case { AS_WRITTEN, LOWER, UPPER }

    private static LabelledText fill(String template, FreshValues values, Case textCase) {
        int culture = values.culture();
        LabelledTextBuilder builder = new LabelledTextBuilder();
        Matcher slot = SLOT.matcher(template);
        int from = 0;
        while (slot.find()) {
            builder.plain(cased(template.substring(from, slot.start()), textCase));
            String kind = slot.group(1);
            String label = switch (kind) {
                case "given", "full" -> "PERSON";
                case "email" -> "EMAIL";
                case "phone" -> "PHONE";
                case "card" -> "CREDIT_CARD";
                case "iban" -> "IBAN";
                case "ip" -> "IP_ADDRESS";
                case "ssn" -> "US_SSN";
                case "nino" -> "UK_NINO";
                case "url" -> "URL";
                case "account" -> "ACCOUNT_ID";
                case "dob" -> "DATE_OF_BIRTH";
                case "address" -> "STREET_ADDRESS";
                default -> throw new IllegalStateException("unknown slot " + kind);
            };
            String value = switch (kind) {
                case "given" -> values.given(culture);
                case "full" -> values.given(culture) + " " + values.family(culture);
                case "email" -> values.email(culture);
                case "phone" -> values.phone();
                case "card" -> values.card();
                case "iban" -> values.iban();
                case "ip" -> values.ip();
                case "ssn" -> values.ssn();
                case "nino" -> values.nino();
                case "url" -> values.url(culture);
                case "account" -> values.account();
                case "dob" -> values.dateOfBirth();
                default -> values.address();
            };
            builder.labelled(label, label.equals("IBAN") ? value : cased(value, textCase));
            from = slot.end();
        }
        builder.plain(cased(template.substring(from), textCase));
        return builder.build();
    }

    private static String cased(String text, Case textCase) {
        return switch (textCase) {
            case LOWER -> text.toLowerCase(Locale.ROOT);
            case UPPER -> text.toUpperCase(Locale.ROOT);
            case AS_WRITTEN -> text;
        };
    }
}
