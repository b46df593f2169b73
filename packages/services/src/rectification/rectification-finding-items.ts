import { type FindingListItem, rectificationFindings } from '@jixiao/core';
import { type Db, listUnclosedItemsOfLaterEvaluations } from '@jixiao/db';

export type RectificationFindingFilter = {
  organizationIds: readonly string[];
  code?: string | undefined;
  severity?: string | undefined;
  fiscalYear?: number | undefined;
};

/**
 * RECTIFICATION_OPEN / _OVERDUE of every visible evaluation, as rows of the cross-unit findings list: computed
 * today from the same projects' unclosed items of earlier years, never stored with a revision.
 */
export const listRectificationFindingItems = async (
  db: Db,
  filter: RectificationFindingFilter,
  today: string,
): Promise<FindingListItem[]> => {
  if (filter.code !== undefined && !filter.code.startsWith('RECTIFICATION_')) return [];
  const rows = await listUnclosedItemsOfLaterEvaluations(db, filter);
  return rows
    .flatMap((row) =>
      rectificationFindings(
        [
          {
            id: row.item_id,
            fiscalYear: row.item_fiscal_year,
            description: row.description,
            deadline: row.deadline,
            status: row.item_status,
          },
        ],
        today,
      ).map((finding) => ({
        evaluationId: row.evaluation_id,
        projectName: row.project_name,
        fiscalYear: row.fiscal_year,
        organizationName: row.organization_name,
        status: row.evaluation_status,
        code: finding.code,
        severity: finding.severity,
        message: finding.message,
        where: finding.where,
      })),
    )
    .filter(
      (item) =>
        (filter.code === undefined || item.code === filter.code) &&
        (filter.severity === undefined || item.severity === filter.severity),
    );
};
