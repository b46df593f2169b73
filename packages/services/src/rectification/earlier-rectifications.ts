import { type EvaluationResult, type Finding, type RectificationItemView, rectificationFindings } from '@jixiao/core';
import { type Db, type Evaluation, listUnclosedItemsOfEarlierYears } from '@jixiao/db';
import type { OrganizationTree } from '../access/organization-scope.ts';
import type { Actor } from '../context.ts';
import { toRectificationItemView } from './rectification-item-view.ts';

export type EarlierRectifications = { items: RectificationItemView[]; findings: Finding[] };

/**
 * The same project's items from earlier years not yet closed, and the RECTIFICATION_OPEN / _OVERDUE findings
 * they raise today. Read when the evaluation is shown: the items move on after its revision was scored.
 */
export const earlierRectificationsOf = async (
  db: Db,
  evaluation: Pick<Evaluation, 'organization_id' | 'project_name' | 'fiscal_year'>,
  tree: OrganizationTree,
  actor: Actor,
  today: string,
): Promise<EarlierRectifications> => {
  const items = await listUnclosedItemsOfEarlierYears(db, {
    organizationId: evaluation.organization_id,
    projectName: evaluation.project_name,
    beforeYear: evaluation.fiscal_year,
  });
  return {
    items: items.map((item) => toRectificationItemView(item, tree, actor, today)),
    findings: rectificationFindings(
      items.map((item) => ({
        id: item.id,
        fiscalYear: item.fiscal_year,
        description: item.description,
        deadline: item.deadline,
        status: item.status,
      })),
      today,
    ),
  };
};

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/** The revision's findings with the rectification findings of today among them, errors first as the audit orders. */
export const withRectificationFindings = (result: EvaluationResult, found: readonly Finding[]): EvaluationResult =>
  found.length === 0
    ? result
    : {
        ...result,
        findings: [...result.findings, ...found].sort(
          (a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity],
        ),
      };
