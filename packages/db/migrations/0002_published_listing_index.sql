-- The public list pages through published evaluations newest year first; this partial index serves both
-- its ORDER BY … LIMIT and its count without touching unpublished rows.
CREATE INDEX evaluations_published_listing_idx ON evaluations (fiscal_year DESC, project_name, id)
  WHERE status = 'published';
