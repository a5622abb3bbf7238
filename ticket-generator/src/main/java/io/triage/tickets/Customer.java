package io.triage.tickets;

import org.jspecify.annotations.Nullable;

/**
 * A synthetic customer whose details recur across their tickets, as a real customer's would.
 *
 * @param customerId       {@code CUST-00123}
 * @param culture          where the name comes from
 * @param givenName        given name
 * @param surname          family name
 * @param email            usual e-mail address
 * @param phone            usual phone number
 * @param accountReference main account id, e.g. ACC-4821-7731
 * @param city             home city
 * @param organisation     employer or business, for business customers; otherwise {@code null}
 * @param language         the language the customer writes in
 */
record Customer(String customerId, NameCulture culture, String givenName, String surname, String email, String phone,
        String accountReference, String city, @Nullable String organisation, String language) {

    String fullName() {
        return givenName + " " + surname;
    }
}
