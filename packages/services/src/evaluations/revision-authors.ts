import {
  ACTION_LABELS,
  assertSeparation,
  DECIDES_ON_REVISION,
  decideSeparation,
  type WorkflowAction,
} from '@jixiao/core';
import type { RevisionSummary } from '@jixiao/db';

/**
 * Who wrote the current revision: whoever saved it and, when it is a submission (a frozen copy of the form as last
 * saved), whoever saved that last edit. Revisions come in `revision_no` order (as `listRevisions` gives them).
 */
export const revisionAuthors = (
  revisions: readonly Pick<RevisionSummary, 'id' | 'kind' | 'created_by'>[],
  currentRevisionId: string | null,
): string[] => {
  const at = revisions.findIndex((revision) => revision.id === currentRevisionId);
  const current = revisions[at];
  if (!current) return [];
  if (current.kind !== 'submitted') return [current.created_by];
  const lastEdit = revisions.slice(0, at).findLast((revision) => revision.kind !== 'submitted');
  return lastEdit ? [current.created_by, lastEdit.created_by] : [current.created_by];
};

/** Refuses an action that would have an author judge their own revision (SEPARATION_OF_DUTIES). */
export const assertNotOwnRevision = (action: WorkflowAction, actorId: string, authorIds: readonly string[]): void => {
  if (DECIDES_ON_REVISION[action])
    assertSeparation({ deciderId: actorId, involvedIds: authorIds, decision: ACTION_LABELS[action] });
};

/** The actions left once those an author may not take on their own revision are removed (for buttons). */
export const withoutOwnRevisionDecisions = (
  actions: readonly WorkflowAction[],
  actorId: string,
  authorIds: readonly string[],
): WorkflowAction[] =>
  actions.filter(
    (action) =>
      !DECIDES_ON_REVISION[action] ||
      decideSeparation({ deciderId: actorId, involvedIds: authorIds, decision: ACTION_LABELS[action] }).ok,
  );
