-- Audit entries join the hash chain when their transaction commits, not when they are written. A transaction
-- writes its entries to audit_pending; a deferred trigger moves each one into audit_log at COMMIT, advancing the
-- head row as 0018 did. The head row's lock is the one every change of the system queues on: taken in the
-- middle of a transaction, it was held across a round trip to the application and back (the rest of the
-- transaction, then COMMIT) while other writers waited; taken at COMMIT, it is held only while the database
-- commits. Entries keep the order they were written in, and the chain is the commit order.
CREATE TABLE audit_pending (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  organization_id uuid,
  occurred_at timestamptz NOT NULL,
  actor_id uuid,
  action text NOT NULL,
  entity_type text NOT NULL,
  entity_id text NOT NULL,
  from_status text,
  to_status text,
  reason text,
  details jsonb NOT NULL,
  -- The entry's canonical JSON before and after its seq, which only the chain assigns: the hash covers
  -- prev_hash || before || seq || after, exactly what verifyAuditChain recomputes.
  canonical_before text NOT NULL,
  canonical_after text NOT NULL
);

CREATE FUNCTION audit_pending_chain() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  WITH head AS (
    UPDATE audit_head
       SET seq = seq + 1,
           prev_hash = hash,
           hash = encode(sha256(convert_to(hash || NEW.canonical_before || (seq + 1)::text || NEW.canonical_after,
                                           'UTF8')), 'hex')
     RETURNING seq, prev_hash, hash
  )
  INSERT INTO audit_log (seq, organization_id, occurred_at, actor_id, action, entity_type, entity_id,
                         from_status, to_status, reason, details, prev_hash, hash)
  SELECT head.seq, NEW.organization_id, NEW.occurred_at, NEW.actor_id, NEW.action, NEW.entity_type, NEW.entity_id,
         NEW.from_status, NEW.to_status, NEW.reason, NEW.details, head.prev_hash, head.hash
  FROM head;
  IF NOT FOUND THEN
    RAISE EXCEPTION '审计日志链头缺失（audit_head 无记录）';
  END IF;
  DELETE FROM audit_pending WHERE id = NEW.id;
  RETURN NULL;
END
$$;

CREATE CONSTRAINT TRIGGER audit_pending_chain_at_commit AFTER INSERT ON audit_pending
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION audit_pending_chain();
