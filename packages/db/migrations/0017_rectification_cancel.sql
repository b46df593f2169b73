-- 撤销 of a 整改 item (issue 17): a reviewer withdraws an item registered by mistake (a duplicate, the wrong unit
-- or project) before it is closed. The row is kept, marked cancelled with who, when and why (the audit log has the
-- step too), so nothing registered disappears; a cancelled item is no longer the unit's work, late or a finding.
ALTER TABLE rectification_items DROP CONSTRAINT rectification_items_status_check;
ALTER TABLE rectification_items ADD CONSTRAINT rectification_items_status_check
  CHECK (status IN ('open', 'in_progress', 'submitted', 'closed', 'cancelled'));
ALTER TABLE rectification_items ADD COLUMN cancel_reason text;
ALTER TABLE rectification_items ADD COLUMN cancelled_by uuid REFERENCES users (id);
ALTER TABLE rectification_items ADD COLUMN cancelled_at timestamptz;
ALTER TABLE rectification_items ADD CONSTRAINT rectification_items_cancelled_check CHECK (
  (status = 'cancelled') = (cancelled_at IS NOT NULL)
  AND (status = 'cancelled') = (cancelled_by IS NOT NULL)
  AND (status = 'cancelled') = (cancel_reason IS NOT NULL)
);
