-- Tickets erased under GDPR, by a keyed hash of their source and external id (the same key as the erasure's
-- customer hash; no id in the clear): intake drops a later delivery of one of them (a re-import, a webhook echo,
-- a pull that still sees it), so an erased ticket cannot come back. New tickets of the same customer are stored.
CREATE TABLE suppressed_tickets (
    ticket_hash TEXT        PRIMARY KEY,
    erased_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);
