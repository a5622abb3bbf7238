package io.triage.tickets;

import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A fixed number of customers, each created from the shared dice the first time a ticket draws them.
 * Draws are skewed so a few customers write often, as in real queues.
 */
final class CustomerPool {

    private static final List<String> FOREIGN_LANGUAGES = List.of("es", "de", "fr");
    private static final List<NameCulture> FOREIGN_CULTURES = List.of(NameCulture.SPANISH, NameCulture.GERMAN,
            NameCulture.FRENCH);
    /** English-writing customers: mostly English names, the rest spread over every culture. */
    private static final double ENGLISH_NAME_SHARE = 0.35;

    /** Created on first draw, so {@code null} until a ticket draws that customer. */
    private final @Nullable Customer[] customers;
    private final Dice dice;
    private final double foreignLanguageShare;

    CustomerPool(int size, Dice dice, double foreignLanguageShare) {
        this.customers = new Customer[size];
        this.dice = dice;
        this.foreignLanguageShare = foreignLanguageShare;
    }

    Customer draw() {
        double u = dice.unit();
        int index = (int) (customers.length * u * u);
        Customer customer = customers[index];
        if (customer == null) {
            customer = create(index);
            customers[index] = customer;
        }
        return customer;
    }

    private Customer create(int index) {
        String language = "en";
        NameCulture culture;
        if (dice.chance(foreignLanguageShare)) {
            int choice = dice.below(FOREIGN_LANGUAGES.size());
            language = FOREIGN_LANGUAGES.get(choice);
            culture = FOREIGN_CULTURES.get(choice);
        } else if (dice.chance(ENGLISH_NAME_SHARE)) {
            culture = NameCulture.ENGLISH;
        } else {
            culture = dice.pick(List.of(NameCulture.values()));
        }
        String given = dice.pick(culture.givenNames());
        String surname = dice.pick(culture.surnames());
        String organisation = dice.chance(0.3) ? dice.pick(Gazetteer.ORGANISATIONS) : null;
        return new Customer(String.format(Locale.ROOT, "CUST-%05d", index + 1), culture, given, surname,
                ContactDetails.email(dice, given, surname), ContactDetails.phone(dice),
                PersonalIdentifiers.accountReference(dice), dice.pick(Gazetteer.CITIES), organisation, language);
    }
}
