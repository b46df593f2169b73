-- Account security as 等保 2.0 level 3 asks (GB/T 22239-2019 8.1.4.1 身份鉴别): passwords changed
-- periodically and not reused, a password an administrator chose changed at the next sign-in, accounts an
-- administrator can disable. Citus: password_history is a reference table, like users.

-- Before this migration no one could change a password, so it was last set when the account was created.
ALTER TABLE users ADD COLUMN password_changed_at timestamptz;
UPDATE users SET password_changed_at = created_at;
ALTER TABLE users ALTER COLUMN password_changed_at SET NOT NULL;

ALTER TABLE users ADD COLUMN must_change_password boolean NOT NULL DEFAULT false;

-- Accounts disabled by hand before this migration get their creation time: the real moment was not recorded.
ALTER TABLE users ADD COLUMN disabled_at timestamptz;
UPDATE users SET disabled_at = created_at WHERE disabled;
ALTER TABLE users ADD CONSTRAINT users_disabled_since_check CHECK (disabled = (disabled_at IS NOT NULL));

-- Hashes of the passwords an account has had, the current one included; seq counts per user, so the newest
-- are found without relying on equal timestamps.
CREATE TABLE password_history (
  user_id uuid NOT NULL REFERENCES users (id),
  seq integer NOT NULL,
  password_hash text NOT NULL,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (user_id, seq)
);
INSERT INTO password_history (user_id, seq, password_hash, created_at)
  SELECT id, 1, password_hash, password_changed_at FROM users;
