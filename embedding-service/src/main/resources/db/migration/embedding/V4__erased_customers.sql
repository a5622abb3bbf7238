-- When each erased customer was erased, as a keyed hash of the customer id (never the id itself): a ticket of the
-- customer created before that instant is never embedded again, so a sync page or backfill batch read before the
-- erasure cannot bring the customer's vectors back after it.
CREATE TABLE erased_customers (
    customer_hash TEXT        PRIMARY KEY,
    erased_at     TIMESTAMPTZ NOT NULL
);
