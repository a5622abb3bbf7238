-- A ticket need not have a customer (a source may send none); such a row was refused and stalled the sync cursor.
ALTER TABLE ticket_embeddings ALTER COLUMN customer_id DROP NOT NULL;
