import type { RevisionView } from '../api/evaluation-types.ts';

/**
 * The version a person recognises: 第 N 版 counts submissions (the Nth text sent for review), so autosaves,
 * imports and approvals do not move it. A draft after the Nth submission is the (N+1)th version being written.
 */
export const versionNumberOf = (revisions: readonly RevisionView[], revisionId: string | null): number => {
  const current = revisions.find((revision) => revision.id === revisionId);
  if (!current) return 1;
  const submittedUpTo = revisions.filter(
    (revision) => revision.kind === 'submitted' && revision.revisionNo <= current.revisionNo,
  ).length;
  return current.kind === 'submitted' ? submittedUpTo : submittedUpTo + 1;
};

export const versionLabel = (revisions: readonly RevisionView[], revisionId: string | null): string => {
  const current = revisions.find((revision) => revision.id === revisionId);
  const number = versionNumberOf(revisions, revisionId);
  return current?.kind === 'submitted' ? `第 ${number} 版（送审稿）` : `第 ${number} 版（修改中）`;
};
