import {
  AppError,
  availableDeclarationActions,
  checkDeclaration,
  DECLARATION_ACTION_LABELS,
  DECLARATION_STATUS_LABELS,
  type DeclarationAction,
  type DeclarationForm,
  type DeclarationHistoryEntry,
  type DeclarationListItem,
  type DeclarationPosition,
  type DeclarationStatus,
  type DeclarationView,
  declarationFormSchema,
  type Finding,
  type FindingCounts,
  type LastYearActual,
  requireRuleSet,
  upgradeForm,
} from '@jixiao/core';
import {
  type Db,
  type DeclarationActionWithActor,
  type DeclarationProject,
  findDeclaration,
  findDeclarationForUpdate,
  listDeclarationActions,
  listDeclarationRevisions,
  listSubmittedEvaluationForms,
  type TargetDeclaration,
} from '@jixiao/db';
import { canSee, effectiveRoles, type OrganizationTree } from '../access/organization-scope.ts';
import type { Actor } from '../context.ts';

export type { DeclarationListItem, DeclarationView } from '@jixiao/core';

/** The rule set a declaration's weights are held against: the one new evaluations are scored under. */
export const declarationRuleSet = () => requireRuleSet();

/** The stored form, checked: a row that no longer reads is an error, not a blank form. */
export const storedDeclarationForm = (row: Pick<TargetDeclaration, 'form'>): DeclarationForm => {
  const parsed = declarationFormSchema.safeParse(row.form);
  if (!parsed.success) throw new AppError('STORED_FORM_INVALID', '已保存的绩效目标数据无法读取，请联系系统管理员');
  return parsed.data;
};

const projectOf = (row: TargetDeclaration): DeclarationProject => ({
  organizationId: row.organization_id,
  fiscalYear: row.fiscal_year,
  projectName: row.project_name,
});

const projectKey = (project: DeclarationProject): string =>
  `${project.organizationId}|${project.fiscalYear}|${project.projectName}`;

/**
 * What the unit reported achieving the year before, per project: the previous year's self-evaluation of the same
 * unit and project name, as last submitted. A stored form that no longer reads gives nothing to compare with.
 */
export const lastYearActuals = async (
  db: Db,
  rows: readonly TargetDeclaration[],
): Promise<Map<string, LastYearActual[]>> => {
  const previous = rows.map((row) => ({ ...projectOf(row), fiscalYear: row.fiscal_year - 1 }));
  const forms = await listSubmittedEvaluationForms(db, previous);
  const actuals = new Map<string, LastYearActual[]>();
  for (const found of forms) {
    try {
      const form = upgradeForm(found.form);
      actuals.set(
        projectKey({ ...found, fiscalYear: found.fiscalYear + 1 }),
        form.indicators.map((row) => ({ name: row.name, actual: row.actual })),
      );
    } catch {
      // An unreadable old evaluation is reported where it is opened, not here.
    }
  }
  return actuals;
};

export const declarationFindings = (row: TargetDeclaration, actuals: Map<string, LastYearActual[]>): Finding[] =>
  checkDeclaration(storedDeclarationForm(row), declarationRuleSet(), actuals.get(projectKey(projectOf(row))) ?? []);

const countFindings = (findings: readonly Finding[]): FindingCounts => {
  const counts: FindingCounts = { error: 0, warning: 0, info: 0 };
  for (const item of findings) counts[item.severity] += 1;
  return counts;
};

export const toDeclarationListItem = (
  row: TargetDeclaration,
  organizationName: string,
  findings: readonly Finding[],
): DeclarationListItem => ({
  id: row.id,
  organizationId: row.organization_id,
  organizationName,
  fiscalYear: row.fiscal_year,
  projectName: row.project_name,
  revisionNo: row.revision_no,
  status: row.status,
  statusLabel: DECLARATION_STATUS_LABELS[row.status],
  superseded: row.superseded_at !== null,
  findingCounts: countFindings(findings),
  updatedAt: row.updated_at.toISOString(),
  approvedAt: row.approved_at?.toISOString() ?? null,
});

const isDeclarationStatus = (stage: string): stage is DeclarationStatus =>
  Object.hasOwn(DECLARATION_STATUS_LABELS, stage);

const toHistoryEntry = (action: DeclarationActionWithActor): DeclarationHistoryEntry => {
  const stage = isDeclarationStatus(action.stage) ? action.stage : 'draft';
  return {
    action: action.action,
    actionLabel: DECLARATION_ACTION_LABELS[action.action],
    stage,
    stageLabel: DECLARATION_STATUS_LABELS[stage],
    actorName: action.actor_name,
    reason: action.reason,
    at: action.created_at.toISOString(),
  };
};

/** Who may not approve the revision: whoever opened it and whoever submitted it (separation of duties). */
export const declarationAuthors = (row: TargetDeclaration): string[] =>
  [row.created_by, row.submitted_by].filter((id): id is string => id !== null);

export const positionOf = (row: TargetDeclaration, revisions: readonly TargetDeclaration[]): DeclarationPosition => ({
  superseded: row.superseded_at !== null,
  hasLaterRevision: revisions.some((other) => other.revision_no > row.revision_no),
});

/** The whole view, read in the caller's transaction (or on the pool) after any change. */
export const loadDeclarationView = async (
  db: Db,
  actor: Actor,
  tree: OrganizationTree,
  row: TargetDeclaration,
): Promise<DeclarationView> => {
  const [revisions, actions, actuals] = await Promise.all([
    listDeclarationRevisions(db, projectOf(row)),
    listDeclarationActions(db, row.id),
    lastYearActuals(db, [row]),
  ]);
  const findings = declarationFindings(row, actuals);
  const roles = effectiveRoles(actor, tree, row.organization_id);
  const authors = declarationAuthors(row);
  const available: DeclarationAction[] = availableDeclarationActions(
    row.status,
    roles,
    positionOf(row, revisions),
  ).filter((action) => action !== 'approve' || !authors.includes(actor.userId));
  return {
    ...toDeclarationListItem(row, tree.byId.get(row.organization_id)?.name ?? '', findings),
    form: storedDeclarationForm(row),
    findings,
    availableActions: available,
    version: row.version,
    adjustmentReason: row.adjustment_reason,
    supersedesId: row.supersedes_id,
    history: actions.map(toHistoryEntry),
  };
};

const NOT_FOUND_MESSAGE = '绩效目标申报记录不存在或无权查看';

/** The declaration if the actor may see it; another unit's is reported as missing, so ids cannot be probed. */
export const loadVisibleDeclaration = async (
  db: Db,
  actor: Actor,
  tree: OrganizationTree,
  declarationId: string,
  { forUpdate = false } = {},
): Promise<TargetDeclaration> => {
  const row = forUpdate ? await findDeclarationForUpdate(db, declarationId) : await findDeclaration(db, declarationId);
  if (!row || !canSee(actor, tree, row.organization_id)) throw new AppError('NOT_FOUND', NOT_FOUND_MESSAGE);
  return row;
};

export const assertDeclarationVersion = (row: TargetDeclaration, expectedVersion: number | undefined): void => {
  if (expectedVersion === undefined || expectedVersion === row.version) return;
  throw new AppError(
    'CONFLICT',
    `该绩效目标已被他人修改（当前版本 ${row.version}，您编辑的是版本 ${expectedVersion}），您的修改未保存；请刷新后重新修改`,
    { currentVersion: row.version, expectedVersion },
  );
};
