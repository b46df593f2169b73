-- After publication (issue 17): 整改 items tracked to closure, appeals (申诉 / 复议), public feedback (反馈),
-- result application (结果应用) for next year's budget, and evidence files (佐证材料). Every table that holds a
-- budget unit's records carries organization_id (the owning unit) and is distributed by it on Citus; the bureau's
-- yearly settings are reference data. History of every change is in the hash-chained audit_log.

-- One problem to fix: where it came from, what is to be done, by whom and when, and where it stands.
-- project_name + organization_id tie an item to the same project's later evaluations (a project row is per year).
CREATE TABLE rectification_items (
  id uuid PRIMARY KEY,
  organization_id uuid NOT NULL REFERENCES organizations (id),
  evaluation_id uuid REFERENCES evaluations (id),
  fiscal_year integer NOT NULL,
  project_name text NOT NULL,
  source_kind text NOT NULL CHECK (source_kind IN ('problem', 'review_comment', 'finding', 'feedback', 'manual')),
  -- What the source was, as it read when the item was made: the problem sentence, the review's reason, the
  -- finding's code and title, the feedback's text.
  source_text text NOT NULL DEFAULT '',
  -- The id of the review, finding code or feedback the item came from; empty for problems and manual items.
  source_ref text NOT NULL DEFAULT '',
  description text NOT NULL,
  measure text NOT NULL DEFAULT '',
  deadline date NOT NULL,
  status text NOT NULL CHECK (status IN ('open', 'in_progress', 'submitted', 'closed')),
  progress_note text NOT NULL DEFAULT '',
  closing_reason text,
  created_by uuid NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  closed_by uuid REFERENCES users (id),
  closed_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  CHECK ((status = 'closed') = (closed_at IS NOT NULL)),
  CHECK ((status = 'closed') = (closed_by IS NOT NULL))
);
CREATE INDEX rectification_items_unit_idx ON rectification_items (organization_id, status, deadline);
CREATE INDEX rectification_items_project_idx ON rectification_items (organization_id, project_name, fiscal_year);

-- A unit contests the bureau's decision on an evaluation (a return, or an approval whose 复核 score differs
-- from the stated total). A second bureau reviewer rules: upheld, or amended with a new score and/or findings
-- withdrawn.
CREATE TABLE appeals (
  id uuid PRIMARY KEY,
  organization_id uuid NOT NULL REFERENCES organizations (id),
  evaluation_id uuid NOT NULL REFERENCES evaluations (id),
  review_id uuid NOT NULL REFERENCES reviews (id),
  reasons text NOT NULL,
  status text NOT NULL CHECK (status IN ('pending', 'upheld', 'amended')),
  original_score numeric(6, 2),
  amended_score numeric(6, 2),
  amended_grade text,
  withdrawn_findings jsonb NOT NULL DEFAULT '[]',
  filed_by uuid NOT NULL REFERENCES users (id),
  filed_at timestamptz NOT NULL,
  ruled_by uuid REFERENCES users (id),
  ruled_at timestamptz,
  ruling_reason text,
  CHECK ((status = 'pending') = (ruled_at IS NULL)),
  CHECK (status <> 'amended' OR amended_score IS NOT NULL OR withdrawn_findings <> '[]'::jsonb)
);
CREATE INDEX appeals_evaluation_idx ON appeals (evaluation_id, filed_at);
-- At most one appeal waits for a ruling per evaluation.
CREATE UNIQUE INDEX appeals_one_pending_idx ON appeals (evaluation_id) WHERE status = 'pending';

-- A citizen's message on a published report, held for moderation. source_hash is a keyed hash of the sender's
-- address (never the address itself), kept only to limit how often one address may write.
CREATE TABLE public_feedback (
  id uuid PRIMARY KEY,
  organization_id uuid NOT NULL REFERENCES organizations (id),
  evaluation_id uuid NOT NULL REFERENCES evaluations (id),
  publication_id uuid NOT NULL REFERENCES publications (id),
  body text NOT NULL,
  contact text NOT NULL DEFAULT '',
  source_hash text NOT NULL,
  status text NOT NULL CHECK (status IN ('pending', 'published', 'hidden')),
  reply text,
  reply_draft text,
  reply_drafted_by uuid REFERENCES users (id),
  moderated_by uuid REFERENCES users (id),
  moderated_at timestamptz,
  hide_reason text,
  rectification_item_id uuid REFERENCES rectification_items (id),
  created_at timestamptz NOT NULL,
  CHECK ((status = 'pending') = (moderated_at IS NULL)),
  CHECK (status <> 'hidden' OR hide_reason IS NOT NULL)
);
CREATE INDEX public_feedback_evaluation_idx ON public_feedback (evaluation_id, status, created_at);
CREATE INDEX public_feedback_source_idx ON public_feedback (source_hash, created_at);

-- What each grade means for the next budget, set by the finance bureau per fiscal year. rules is JSON:
-- one entry per grade (优 / 良 / 中 / 差) with the arrangement and any percentage bound.
CREATE TABLE result_application_policies (
  bureau_id uuid NOT NULL REFERENCES organizations (id),
  fiscal_year integer NOT NULL,
  rules jsonb NOT NULL,
  appeal_period_days integer NOT NULL DEFAULT 15 CHECK (appeal_period_days BETWEEN 1 AND 365),
  updated_by uuid NOT NULL REFERENCES users (id),
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (bureau_id, fiscal_year)
);

-- The arrangement suggested by the year's policy and the one decided for one evaluated project.
CREATE TABLE result_applications (
  id uuid PRIMARY KEY,
  organization_id uuid NOT NULL REFERENCES organizations (id),
  evaluation_id uuid NOT NULL UNIQUE REFERENCES evaluations (id),
  fiscal_year integer NOT NULL,
  suggestion text NOT NULL,
  decision text NOT NULL,
  adjustment_percent numeric(6, 2),
  reason text NOT NULL DEFAULT '',
  decided_by uuid NOT NULL REFERENCES users (id),
  decided_at timestamptz NOT NULL
);
CREATE INDEX result_applications_year_idx ON result_applications (fiscal_year, organization_id);

-- Evidence files (佐证材料): attachments gain what they support. 'import' is a report file imported into a draft
-- (every attachment before this migration); evidence names its indicator row, rectification item or appeal.
ALTER TABLE attachments
  ADD COLUMN purpose text NOT NULL DEFAULT 'import'
    CHECK (purpose IN ('import', 'indicator_evidence', 'rectification_evidence', 'appeal_evidence')),
  ADD COLUMN indicator_name text,
  ADD COLUMN rectification_item_id uuid REFERENCES rectification_items (id),
  ADD COLUMN appeal_id uuid REFERENCES appeals (id),
  ADD CONSTRAINT attachments_purpose_subject CHECK (
    (purpose = 'indicator_evidence') = (indicator_name IS NOT NULL)
    AND (purpose = 'rectification_evidence') = (rectification_item_id IS NOT NULL)
    AND (purpose = 'appeal_evidence') = (appeal_id IS NOT NULL)
  );
CREATE INDEX attachments_evaluation_purpose_idx ON attachments (evaluation_id, purpose);
