-- The head of the audit hash chain: the last entry's seq and hash (and the hash before it), in one row. An append
-- advances the head and inserts the entry in one statement, hashing in the database; the head row's lock makes
-- concurrent appenders take turns, and one that waited re-reads the head its predecessor committed. This replaces
-- a table lock, a read of the last entry and an insert (three round trips, all while holding the lock that every
-- save of the system queues on) with one.
CREATE TABLE audit_head (
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  seq bigint NOT NULL,
  hash text NOT NULL,
  prev_hash text NOT NULL
);

INSERT INTO audit_head (seq, hash, prev_hash)
SELECT coalesce(last.seq, 0),
       coalesce(last.hash, repeat('0', 64)),
       coalesce(last.prev_hash, repeat('0', 64))
FROM (SELECT 1) AS one
LEFT JOIN (SELECT seq, hash, prev_hash FROM audit_log ORDER BY seq DESC LIMIT 1) AS last ON true;
