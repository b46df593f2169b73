-- Administration (issue 16): a unit can be stopped (停用: no new evaluations or accounts in it; its records stay
-- readable) and started again, and an account's last sign-in is shown to its administrator.
ALTER TABLE organizations ADD COLUMN stopped_at timestamptz;
ALTER TABLE users ADD COLUMN last_login_at timestamptz;
