package io.triage.tickets;

/** Kinds of personal data the generator embeds and labels. */
public enum PiiType {
    EMAIL, PHONE, ACCOUNT_ID, CREDIT_CARD, IBAN, IP_ADDRESS, US_SSN, UK_NINO, DATE_OF_BIRTH,
    PERSON, ORG, LOCATION
}
