-- The year before the evaluation (issue 18): 绩效目标申报 (target declarations, reviewed like evaluations and
-- locked once approved; a change afterwards is a new revision, 调整, approved again) and 运行监控 (monitoring
-- reports at dates the bureau sets). A declaration ties to the same project's evaluation by organization_id,
-- fiscal_year and project_name, as rectification items do: a project row is made only for an evaluation.

CREATE TABLE target_declarations (
  id uuid PRIMARY KEY,
  organization_id uuid NOT NULL REFERENCES organizations (id),
  fiscal_year integer NOT NULL,
  project_name text NOT NULL,
  -- 1 for the first declaration; each 调整 of an approved one adds a revision.
  revision_no integer NOT NULL CHECK (revision_no >= 1),
  status text NOT NULL
    CHECK (status IN ('draft', 'submitted', 'department_review', 'finance_review', 'returned', 'approved')),
  form jsonb NOT NULL,
  -- Why this revision was opened (调整); empty for the first.
  adjustment_reason text NOT NULL DEFAULT '',
  supersedes_id uuid REFERENCES target_declarations (id),
  -- Set on an approved revision when a later one of the same project and year is approved.
  superseded_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  created_by uuid NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  submitted_by uuid REFERENCES users (id),
  approved_by uuid REFERENCES users (id),
  approved_at timestamptz,
  UNIQUE (organization_id, fiscal_year, project_name, revision_no),
  CHECK ((status = 'approved') = (approved_at IS NOT NULL)),
  CHECK (superseded_at IS NULL OR status = 'approved'),
  CHECK ((revision_no = 1) = (supersedes_id IS NULL))
);
CREATE INDEX target_declarations_status_idx ON target_declarations (organization_id, status, fiscal_year);
CREATE INDEX target_declarations_year_idx ON target_declarations (fiscal_year, status);

-- Every action on a declaration: submit, withdraw, approve, return (with its reason), adjust.
CREATE TABLE declaration_actions (
  id uuid PRIMARY KEY,
  organization_id uuid NOT NULL REFERENCES organizations (id),
  declaration_id uuid NOT NULL REFERENCES target_declarations (id),
  action text NOT NULL CHECK (action IN ('submit', 'withdraw', 'approve', 'return', 'adjust')),
  -- The status the declaration was in when the action was taken.
  stage text NOT NULL,
  reason text NOT NULL DEFAULT '',
  actor_id uuid NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL
);
CREATE INDEX declaration_actions_declaration_idx ON declaration_actions (declaration_id, created_at);

-- A monitoring date the bureau sets for a year (reference data: the bureau's, for every unit).
CREATE TABLE monitoring_rounds (
  id uuid PRIMARY KEY,
  fiscal_year integer NOT NULL,
  as_of date NOT NULL,
  due_date date NOT NULL,
  title text NOT NULL,
  created_by uuid NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL,
  UNIQUE (fiscal_year, as_of),
  CHECK (due_date >= as_of)
);

-- One unit's report on one approved declaration at one monitoring date.
CREATE TABLE monitoring_reports (
  id uuid PRIMARY KEY,
  organization_id uuid NOT NULL REFERENCES organizations (id),
  round_id uuid NOT NULL REFERENCES monitoring_rounds (id),
  declaration_id uuid NOT NULL REFERENCES target_declarations (id),
  fiscal_year integer NOT NULL,
  project_name text NOT NULL,
  status text NOT NULL CHECK (status IN ('draft', 'submitted')),
  report jsonb NOT NULL,
  -- Stored at submit for the lists and the dashboard (percent, 2 dp); the report stays the source.
  execution_rate numeric(8, 2),
  behind_schedule boolean NOT NULL DEFAULT false,
  at_risk_indicators integer NOT NULL DEFAULT 0,
  version integer NOT NULL DEFAULT 1,
  created_by uuid NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  submitted_by uuid REFERENCES users (id),
  submitted_at timestamptz,
  UNIQUE (round_id, declaration_id),
  CHECK ((status = 'submitted') = (submitted_at IS NOT NULL))
);
CREATE INDEX monitoring_reports_unit_idx ON monitoring_reports (organization_id, fiscal_year);
CREATE INDEX monitoring_reports_round_idx ON monitoring_reports (round_id, status);
