-- Who asked for each decision (the authenticated caller's name: an API key's holder or a token's subject), so that
-- feedback is taken only from that caller (issue 19, finding 2). Decisions logged before this column have none and
-- keep taking feedback from any caller allowed to give it.
ALTER TABLE decisions ADD COLUMN requested_by TEXT;
