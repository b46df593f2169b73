-- One evaluation's audit trail is read a page at a time by keyset (entity_id = $1 AND seq > $2 ORDER BY seq
-- LIMIT n); without this index each page scanned the whole log.
CREATE INDEX audit_log_entity_seq_idx ON audit_log (entity_id, seq);
