-- The W3C traceparent of the request that made the decision, so AuditRelay's delivery (later, on its own thread)
-- continues that request's trace into audit-service instead of starting an unrelated one. Null for rows queued
-- before this migration or outside any trace. Only ids: no ticket content.
ALTER TABLE audit_outbox ADD COLUMN traceparent text;
