package io.triage.tickets;

import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Renders a template such as {@code "Hi, this is {name}, my card {card} was charged"} into a {@link TicketText}:
 * literal parts as the writer's words, personal data as labelled spans, other placeholders from the
 * catalog's value lists. One filler per ticket, so values it fixes for a ticket (its organisation) agree.
 */
final class PlaceholderFiller {

    private static final List<String> CURRENCIES = List.of("£", "$", "€");
    /** Share of mentions where a customer quotes another e-mail or phone than the one on file. */
    private static final double OTHER_CONTACT_SHARE = 0.2;

    private final Dice dice;
    private final TemplateCatalog catalog;
    private final TemplateCatalog fallback;
    /** Organisation of a customer with none on file, fixed for the ticket so its mentions agree. */
    private @Nullable String ticketOrganisation;

    PlaceholderFiller(Dice dice, TemplateCatalog catalog, TemplateCatalog fallback) {
        this.dice = dice;
        this.catalog = catalog;
        this.fallback = fallback;
    }

    void render(String template, Customer customer, TicketText out) {
        int position = 0;
        while (position < template.length()) {
            int open = template.indexOf('{', position);
            if (open < 0) {
                out.words(template.substring(position));
                return;
            }
            int close = template.indexOf('}', open);
            if (close < 0) {
                throw new IllegalStateException("unclosed placeholder in: " + template);
            }
            if (open > position) {
                out.words(template.substring(position, open));
            }
            fill(template.substring(open + 1, close), customer, out);
            position = close + 1;
        }
    }

    private void fill(String placeholder, Customer customer, TicketText out) {
        switch (placeholder) {
            case "name" -> out.pii(PiiType.PERSON, customer.fullName());
            case "first" -> out.pii(PiiType.PERSON, customer.givenName());
            case "email" -> out.pii(PiiType.EMAIL, dice.chance(OTHER_CONTACT_SHARE)
                    ? ContactDetails.email(dice, customer.givenName(), customer.surname()) : customer.email());
            case "phone" -> out.pii(PiiType.PHONE,
                    dice.chance(OTHER_CONTACT_SHARE) ? ContactDetails.phone(dice) : customer.phone());
            case "account" -> out.pii(PiiType.ACCOUNT_ID, customer.accountReference());
            case "city" -> out.pii(PiiType.LOCATION, customer.city());
            case "person" -> out.pii(PiiType.PERSON, otherPerson());
            case "handle" -> out.pii(PiiType.ACCOUNT_ID, PersonalIdentifiers.accountHandle(dice));
            case "custno" -> out.pii(PiiType.ACCOUNT_ID, PersonalIdentifiers.customerNumber(dice));
            case "order" -> out.pii(PiiType.ACCOUNT_ID, PersonalIdentifiers.orderReference(dice));
            case "card" -> out.pii(PiiType.CREDIT_CARD, PaymentNumbers.cardNumber(dice));
            case "iban" -> out.pii(PiiType.IBAN, PaymentNumbers.iban(dice));
            case "ip" -> out.pii(PiiType.IP_ADDRESS, ContactDetails.ipAddress(dice));
            case "ssn" -> out.pii(PiiType.US_SSN, PersonalIdentifiers.usSocialSecurityNumber(dice));
            case "nino" -> out.pii(PiiType.UK_NINO, PersonalIdentifiers.ukNationalInsuranceNumber(dice));
            case "dob" -> out.pii(PiiType.DATE_OF_BIRTH, PersonalIdentifiers.dateOfBirth(dice));
            case "org" -> out.pii(PiiType.ORG, organisation(customer));
            case "country" -> out.pii(PiiType.LOCATION, dice.pick(Gazetteer.COUNTRIES));
            case "place" -> out.pii(PiiType.LOCATION, dice.pick(Gazetteer.CITIES));
            case "amount" -> out.plain(amount(catalog.language()));
            case "days" -> out.plain(String.valueOf(dice.between(2, 21)));
            case "last4" -> out.plain(dice.digits(4));
            default -> out.words(dice.pick(values(placeholder)));
        }
    }

    private List<String> values(String name) {
        List<String> values = catalog.lines("values " + name);
        if (values.isEmpty()) {
            values = fallback.lines("values " + name);
        }
        if (values.isEmpty()) {
            throw new IllegalStateException("unknown placeholder {" + name + "} in " + catalog.language());
        }
        return values;
    }

    private String organisation(Customer customer) {
        String onFile = customer.organisation();
        if (onFile != null) {
            return onFile;
        }
        String organisation = ticketOrganisation;
        if (organisation == null) {
            organisation = dice.pick(Gazetteer.ORGANISATIONS);
            ticketOrganisation = organisation;
        }
        return organisation;
    }

    private String otherPerson() {
        NameCulture culture = dice.pick(List.of(NameCulture.values()));
        return dice.pick(culture.givenNames()) + " " + dice.pick(culture.surnames());
    }

    private String amount(String language) {
        String currency = language.equals("en") ? dice.pick(CURRENCIES) : "€";
        String value = dice.chance(0.5)
                ? String.format(Locale.ROOT, "%d.%02d", dice.between(3, 899), dice.below(100))
                : String.valueOf(dice.between(5, 1500));
        return currency + value;
    }
}
