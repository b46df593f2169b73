-- A published evaluation's public page is fixed when it is published (its revision is frozen): it is kept
-- with the publication as the JSON the portal serves, so the portal reads one row and scores nothing.
-- Publications made before this migration have none and are built on read, as before.
ALTER TABLE publications ADD COLUMN public_view text;
