-- Failed sign-ins counted per (source address, name as typed) and per source address, replacing the
-- per-account lockout (issue 14): five wrong passwords from anywhere locked any account, admins included, and
-- answered 423 only for names that exist. A name is counted whether or not an account has it, so answers do
-- not tell which exist; a source's refusal never reaches the owner signing in from elsewhere.
-- Citus: transient and written on every failed sign-in, holding no unit's records: local tables on the
-- coordinator, like bulk_audit_jobs.
CREATE TABLE login_failures (
  source text NOT NULL,
  username text NOT NULL,
  failures integer NOT NULL CHECK (failures > 0),
  last_failure_at timestamptz NOT NULL,
  blocked_until timestamptz,
  PRIMARY KEY (source, username)
);
CREATE INDEX login_failures_last_failure_idx ON login_failures (last_failure_at);

-- A source's failures across every name in a fixed window (the per-source budget).
CREATE TABLE login_source_failures (
  source text PRIMARY KEY,
  window_started_at timestamptz NOT NULL,
  failures integer NOT NULL CHECK (failures > 0)
);

ALTER TABLE users DROP COLUMN failed_logins;
ALTER TABLE users DROP COLUMN locked_until;
