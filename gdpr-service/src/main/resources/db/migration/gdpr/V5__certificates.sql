-- Certificates of erasure (issue 18): one per completed request, issued in the transaction that completes it.
-- statement: the canonical JSON (RFC 8785) that was signed, kept byte for byte; it holds the keyed customer hash,
-- never the customer id, and per-store counts only. signature: Ed25519 over its UTF-8 bytes, base64.
CREATE TABLE certificates (
    request_id UUID        PRIMARY KEY REFERENCES deletion_requests (id),
    key_id     TEXT        NOT NULL,
    statement  TEXT        NOT NULL,
    signature  TEXT        NOT NULL,
    issued_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
