-- Appeals (issue 17): what a ruling must keep beside the numbers of migration 0010. original_grade is the grade
-- the appealed decision stood on (the portal shows the original and the amended result), and
-- ruled_by_sole_reviewer records that the bureau had no finance reviewer other than the one who decided, so
-- that one ruled on the appeal against their own decision.
ALTER TABLE appeals
  ADD COLUMN original_grade text,
  ADD COLUMN ruled_by_sole_reviewer boolean NOT NULL DEFAULT false;
