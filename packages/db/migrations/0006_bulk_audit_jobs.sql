-- Bulk audits uploaded as a zip through the API: one row per job, so a reviewer's finished results survive a
-- restart. The files themselves are never stored (they live in memory while the job runs); the summary is kept
-- as the JSON text it was written as, which the download sends unchanged.
-- Citus: a job belongs to a reviewer, not to a budget unit, and holds no unit's records; it stays a local table
-- on the coordinator, like schema_migrations.
CREATE TABLE bulk_audit_jobs (
  id uuid PRIMARY KEY,
  created_by uuid NOT NULL REFERENCES users (id),
  file_name text NOT NULL,
  rule_set_id text NOT NULL,
  status text NOT NULL CHECK (status IN ('queued', 'running', 'done', 'failed')),
  done integer NOT NULL DEFAULT 0 CHECK (done >= 0),
  total integer NOT NULL CHECK (total >= 0),
  summary text,
  error text,
  created_at timestamptz NOT NULL,
  started_at timestamptz,
  finished_at timestamptz,
  CHECK (done <= total),
  CHECK ((status = 'done') = (summary IS NOT NULL)),
  CHECK ((status = 'failed') = (error IS NOT NULL)),
  CHECK ((status IN ('done', 'failed')) = (finished_at IS NOT NULL))
);
-- A reviewer's own jobs, newest first.
CREATE INDEX bulk_audit_jobs_creator_idx ON bulk_audit_jobs (created_by, created_at DESC, id DESC);
