package io.triage.pii;

/**
 * The kinds of personal data the sanitizer finds; each has the placeholder that replaces it.
 */
public enum PiiType {
    EMAIL,
    PHONE,
    ACCOUNT_ID,
    CREDIT_CARD,
    IBAN,
    IP_ADDRESS,
    US_SSN,
    UK_NINO,
    DATE_OF_BIRTH,
    /** Web addresses: their paths and queries carry names, tokens and account ids. */
    URL,
    /** Street addresses: house number and street, flat or unit, postcode, city with postcode. */
    STREET_ADDRESS,
    PERSON,
    ORG,
    LOCATION;

    /** The plain placeholder written in place of a value of this kind, e.g. {@code <EMAIL>}. */
    public String placeholder() {
        return "<" + name() + ">";
    }

    /** Whether this kind is found by patterns and validators rather than by named-entity recognition. */
    public boolean structured() {
        return this != PERSON && this != ORG && this != LOCATION;
    }
}
