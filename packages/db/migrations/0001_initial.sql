-- Jixiao initial schema. Immutable once applied: change the schema with a new numbered file.
-- Citus: organizations and users are reference tables; every tenant table carries organization_id
-- (the owning budget unit), the intended distribution column.

CREATE TABLE organizations (
  id uuid PRIMARY KEY,
  parent_id uuid REFERENCES organizations (id),
  kind text NOT NULL CHECK (kind IN ('finance_bureau', 'department', 'budget_unit')),
  name text NOT NULL UNIQUE,
  code text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL
);
CREATE INDEX organizations_parent_idx ON organizations (parent_id);

CREATE TABLE users (
  id uuid PRIMARY KEY,
  username text NOT NULL UNIQUE,
  display_name text NOT NULL,
  password_hash text NOT NULL,
  failed_logins integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  disabled boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL
);

CREATE TABLE user_roles (
  user_id uuid NOT NULL REFERENCES users (id),
  organization_id uuid NOT NULL REFERENCES organizations (id),
  role text NOT NULL CHECK (role IN ('unit_filler', 'unit_approver', 'department_reviewer', 'finance_reviewer', 'admin')),
  PRIMARY KEY (user_id, organization_id, role)
);

CREATE TABLE sessions (
  id text PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users (id),
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL
);
CREATE INDEX sessions_user_idx ON sessions (user_id);

CREATE TABLE projects (
  id uuid PRIMARY KEY,
  organization_id uuid NOT NULL REFERENCES organizations (id),
  name text NOT NULL,
  code text NOT NULL DEFAULT '',
  fiscal_year integer NOT NULL,
  created_at timestamptz NOT NULL,
  UNIQUE (organization_id, fiscal_year, name)
);

CREATE TABLE evaluations (
  id uuid PRIMARY KEY,
  organization_id uuid NOT NULL REFERENCES organizations (id),
  project_id uuid NOT NULL REFERENCES projects (id),
  fiscal_year integer NOT NULL,
  project_name text NOT NULL,
  status text NOT NULL CHECK (status IN ('draft', 'submitted', 'department_review', 'finance_review', 'returned', 'approved', 'published')),
  rule_set_id text NOT NULL,
  rule_set_version text NOT NULL,
  current_revision_id uuid,
  total_score numeric,
  grade text,
  version integer NOT NULL DEFAULT 1,
  created_by uuid NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  UNIQUE (project_id)
);
CREATE INDEX evaluations_org_status_idx ON evaluations (organization_id, status);
CREATE INDEX evaluations_status_year_idx ON evaluations (status, fiscal_year);

CREATE TABLE evaluation_revisions (
  id uuid PRIMARY KEY,
  organization_id uuid NOT NULL REFERENCES organizations (id),
  evaluation_id uuid NOT NULL REFERENCES evaluations (id),
  revision_no integer NOT NULL,
  kind text NOT NULL CHECK (kind IN ('draft', 'import', 'submitted')),
  form jsonb NOT NULL,
  result jsonb NOT NULL,
  rule_set text NOT NULL,
  total_score numeric NOT NULL,
  grade text NOT NULL,
  source_file_name text,
  created_by uuid NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL,
  UNIQUE (evaluation_id, revision_no)
);

ALTER TABLE evaluations
  ADD CONSTRAINT evaluations_current_revision_fk FOREIGN KEY (current_revision_id) REFERENCES evaluation_revisions (id);

CREATE TABLE fund_blocks (
  id uuid PRIMARY KEY,
  organization_id uuid NOT NULL REFERENCES organizations (id),
  revision_id uuid NOT NULL REFERENCES evaluation_revisions (id),
  source text NOT NULL CHECK (source IN ('total', 'current_appropriation', 'prior_year_carryover', 'other')),
  initial_budget_fen bigint,
  adjusted_budget_fen bigint,
  executed_fen bigint,
  UNIQUE (revision_id, source)
);

CREATE TABLE indicator_results (
  id uuid PRIMARY KEY,
  organization_id uuid NOT NULL REFERENCES organizations (id),
  evaluation_id uuid NOT NULL REFERENCES evaluations (id),
  revision_id uuid NOT NULL REFERENCES evaluation_revisions (id),
  row_index integer NOT NULL,
  level1 text,
  level2 text,
  name text NOT NULL,
  target text NOT NULL,
  actual text NOT NULL,
  weight numeric,
  stated_score numeric,
  points numeric NOT NULL,
  basis text NOT NULL,
  rule text NOT NULL,
  UNIQUE (revision_id, row_index)
);

CREATE TABLE reviews (
  id uuid PRIMARY KEY,
  organization_id uuid NOT NULL REFERENCES organizations (id),
  evaluation_id uuid NOT NULL REFERENCES evaluations (id),
  revision_id uuid NOT NULL REFERENCES evaluation_revisions (id),
  stage text NOT NULL,
  decision text NOT NULL CHECK (decision IN ('approved', 'returned')),
  reason text NOT NULL DEFAULT '',
  reviewer_id uuid NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL
);
CREATE INDEX reviews_evaluation_idx ON reviews (evaluation_id, created_at);

CREATE TABLE publications (
  id uuid PRIMARY KEY,
  organization_id uuid NOT NULL REFERENCES organizations (id),
  evaluation_id uuid NOT NULL REFERENCES evaluations (id),
  revision_id uuid NOT NULL REFERENCES evaluation_revisions (id),
  published_by uuid NOT NULL REFERENCES users (id),
  published_at timestamptz NOT NULL,
  unpublished_by uuid REFERENCES users (id),
  unpublished_at timestamptz,
  unpublish_reason text,
  redactions jsonb NOT NULL DEFAULT '[]',
  document_hashes jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX publications_evaluation_idx ON publications (evaluation_id);

CREATE TABLE attachments (
  id uuid PRIMARY KEY,
  organization_id uuid NOT NULL REFERENCES organizations (id),
  evaluation_id uuid REFERENCES evaluations (id),
  file_name text NOT NULL,
  media_type text NOT NULL,
  size_bytes integer NOT NULL,
  sha256 text NOT NULL,
  bytes bytea NOT NULL,
  created_by uuid NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL
);

CREATE TABLE audit_log (
  seq bigint PRIMARY KEY,
  organization_id uuid,
  occurred_at timestamptz NOT NULL,
  actor_id uuid,
  action text NOT NULL,
  entity_type text NOT NULL,
  entity_id text NOT NULL,
  from_status text,
  to_status text,
  reason text,
  details jsonb NOT NULL DEFAULT '{}',
  prev_hash text NOT NULL,
  hash text NOT NULL UNIQUE
);

-- Append-only and immutable rows are enforced by the database, not only by convention.
CREATE FUNCTION jixiao_reject_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END;
$$;

CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION jixiao_reject_change();
CREATE TRIGGER evaluation_revisions_immutable BEFORE UPDATE OR DELETE ON evaluation_revisions
  FOR EACH ROW EXECUTE FUNCTION jixiao_reject_change();
