-- What a decision was made from: the SHA-256 of the text and channel sent to classify-service. A newer version of a
-- ticket whose text and channel are the same (our own write-back echoed by a webhook or pull, an agent changing the
-- group or priority) is not classified again: no second decision, no second write-back, and an agent's correction is
-- never overwritten by a new write-back of the same ticket.
ALTER TABLE ticket_decisions ADD COLUMN input_hash TEXT;

-- What the source should show after a write-back, read back through the mapping (the group and priority fields as
-- the write-back left them). A later version of the ticket that reads back otherwise is an agent's correction: it is
-- recorded as a validated label, and these columns move to the corrected values so it is recorded once.
ALTER TABLE writebacks ADD COLUMN expected_department TEXT, ADD COLUMN expected_urgency TEXT;
