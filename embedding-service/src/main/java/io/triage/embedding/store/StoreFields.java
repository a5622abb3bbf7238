package io.triage.embedding.store;

/** Field names shared by every store (Lucene fields, Qdrant payload keys). */
public final class StoreFields {

    public static final String TICKET_ID = "ticket_id";
    public static final String CUSTOMER_ID = "customer_id";
    public static final String DEPARTMENT = "department";
    public static final String URGENCY = "urgency";
    public static final String SENTIMENT = "sentiment";
    public static final String CREATED_AT = "created_at";
    public static final String REVISION = "revision";
    public static final String VECTOR = "vector";

    private StoreFields() {
    }
}
