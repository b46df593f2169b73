import { type EvaluationForm, generateForm, type Role } from '@jixiao/core';
import { countOrganizations } from '@jixiao/db';
import { createOrganization } from '../accounts/create-organization.ts';
import { createUser } from '../accounts/create-user.ts';
import type { Actor, ServiceContext } from '../context.ts';
import { approveEvaluation } from '../evaluations/approve-evaluation.ts';
import { createDraft } from '../evaluations/create-draft.ts';
import type { EvaluationView } from '../evaluations/evaluation-view.ts';
import { importFileIntoDraft } from '../evaluations/import-file-into-draft.ts';
import { publishEvaluation } from '../evaluations/publish-evaluation.ts';
import { returnEvaluation } from '../evaluations/return-evaluation.ts';
import { submitEvaluation } from '../evaluations/submit-evaluation.ts';
import { loadDemoAppeals } from './demo-appeals.ts';
import { loadDemoBudgetYear } from './demo-budget-year.ts';
import { loadDemoFeedback } from './demo-feedback.ts';
import { loadDemoRectification } from './demo-rectification.ts';
import { loadDemoResultApplication } from './demo-result-application.ts';

export const DEMO_PASSWORD = 'Jixiao@2022demo';

export type DemoLogin = { username: string; password: string; role: Role; organization: string };

export type DemoDataResult = { loaded: false } | { loaded: true; evaluations: number };

const BUREAU = '开福区财政局';
const SEED_UNIT = '开福区城市房屋征收和补偿管理办公室';

const TREE: readonly { department: string; units: readonly string[] }[] = [
  { department: '开福区住房和城乡建设局', units: [SEED_UNIT, '开福区房屋安全管理中心'] },
  { department: '开福区教育局', units: ['开福区教育事务中心'] },
  { department: '开福区卫生健康局', units: ['开福区疾病预防控制中心'] },
];

type DemoUser = { username: string; displayName: string; role: Role; organization: string };

const USERS: readonly DemoUser[] = [
  { username: 'zhengshou.filler', displayName: '征收办填报员', role: 'unit_filler', organization: SEED_UNIT },
  { username: 'zhengshou.approver', displayName: '征收办审核员', role: 'unit_approver', organization: SEED_UNIT },
  {
    username: 'zhujian.reviewer',
    displayName: '住建局审核员',
    role: 'department_reviewer',
    organization: '开福区住房和城乡建设局',
  },
  { username: 'caizheng.reviewer', displayName: '财政局审核员', role: 'finance_reviewer', organization: BUREAU },
  // A second finance reviewer: an appeal is ruled by a reviewer other than the one who decided (申诉 / 复议).
  { username: 'caizheng2', displayName: '财政局复议员', role: 'finance_reviewer', organization: BUREAU },
  { username: 'admin', displayName: '系统管理员', role: 'admin', organization: BUREAU },
];

/** The demo accounts, one per role; all share DEMO_PASSWORD. */
export const DEMO_LOGINS: readonly DemoLogin[] = USERS.map((user) => ({
  username: user.username,
  password: DEMO_PASSWORD,
  role: user.role,
  organization: user.organization,
}));

/** Workflow steps to take a fresh draft to each status, so the demo shows every one. */
type Step = 'submit' | 'unit' | 'department' | 'finance' | 'return' | 'publish';
const PATHS: readonly (readonly Step[])[] = [
  [],
  ['submit'],
  ['submit', 'unit'],
  ['submit', 'unit', 'department'],
  ['submit', 'return'],
  ['submit', 'unit', 'department', 'finance'],
  ['submit', 'unit', 'department', 'finance', 'publish'],
];

export type SeedReport = { bytes: Uint8Array; fileName: string };

type DemoDistrict = {
  organizationIds: ReadonlyMap<string, string>;
  /** The first demo account of the role. */
  actor: (role: Role) => Actor;
  named: (username: string) => Actor;
};

/** 开福区财政局, its departments and units, and one user per role (all with DEMO_PASSWORD). */
const createDemoDistrict = async (ctx: ServiceContext): Promise<DemoDistrict> => {
  const bureau = await createOrganization(ctx, null, { name: BUREAU, kind: 'finance_bureau', parentId: null });
  const ids = new Map<string, string>([[BUREAU, bureau.id]]);
  for (const { department, units } of TREE) {
    const created = await createOrganization(ctx, null, { name: department, kind: 'department', parentId: bureau.id });
    ids.set(department, created.id);
    for (const unit of units) {
      ids.set(
        unit,
        (await createOrganization(ctx, null, { name: unit, kind: 'budget_unit', parentId: created.id })).id,
      );
    }
  }
  const actors = new Map<Role, Actor>();
  const byName = new Map<string, Actor>();
  for (const user of USERS) {
    const organizationId = ids.get(user.organization) ?? '';
    const created = await createUser(ctx, null, {
      username: user.username,
      displayName: user.displayName,
      password: DEMO_PASSWORD,
      roles: [{ organizationId, role: user.role }],
      // The README prints these logins; forcing a change would break them for the next visitor.
      mustChangePassword: false,
    });
    const made: Actor = {
      userId: created.id,
      username: created.username,
      displayName: created.displayName,
      roles: created.roles,
    };
    byName.set(user.username, made);
    if (!actors.has(user.role)) actors.set(user.role, made);
  }
  const actor = (role: Role): Actor => {
    const found = actors.get(role);
    if (!found) throw new Error(`demo user for ${role} missing`);
    return found;
  };
  const named = (username: string): Actor => {
    const found = byName.get(username);
    if (!found) throw new Error(`demo user ${username} missing`);
    return found;
  };
  return { organizationIds: ids, actor, named };
};

/**
 * The demo district's organisations and accounts without any evaluation, for walking the whole workflow from
 * an empty unit (the browser tests). Does nothing when any organisation exists already.
 */
export const loadDemoAccounts = async (ctx: ServiceContext): Promise<{ loaded: boolean }> => {
  if ((await countOrganizations(ctx.db)) > 0) return { loaded: false };
  await createDemoDistrict(ctx);
  return { loaded: true };
};

/**
 * Fills an empty database with a demo district: 开福区财政局, three departments and their units, one user per
 * role, the seed report as 征收办's published 2022 evaluation and generated evaluations in every status.
 * Does nothing when any organisation exists already.
 */
export const loadDemoData = async (ctx: ServiceContext, seed: SeedReport): Promise<DemoDataResult> => {
  if ((await countOrganizations(ctx.db)) > 0) return { loaded: false };
  const { organizationIds: ids, actor, named } = await createDemoDistrict(ctx);
  const advance = async (evaluation: EvaluationView, steps: readonly Step[]): Promise<void> => {
    const evaluationId = evaluation.id;
    for (const step of steps) {
      if (step === 'submit') await submitEvaluation(ctx, actor('unit_filler'), { evaluationId });
      if (step === 'unit') await approveEvaluation(ctx, actor('unit_approver'), { evaluationId });
      if (step === 'department') await approveEvaluation(ctx, actor('department_reviewer'), { evaluationId });
      if (step === 'finance') await approveEvaluation(ctx, actor('finance_reviewer'), { evaluationId });
      if (step === 'publish') await publishEvaluation(ctx, actor('finance_reviewer'), { evaluationId });
      if (step === 'return') {
        await returnEvaluation(ctx, actor('finance_reviewer'), {
          evaluationId,
          reason: '请补充未完成指标的偏差原因分析。',
        });
      }
    }
  };
  const unitId = ids.get(SEED_UNIT) ?? '';
  const imported = await importFileIntoDraft(ctx, actor('unit_filler'), {
    organizationId: unitId,
    fileName: seed.fileName,
    bytes: seed.bytes,
  });
  await advance(imported.evaluation, ['submit', 'unit', 'department', 'finance', 'publish']);
  await loadDemoFeedback(
    ctx,
    { evaluationId: imported.evaluation.id, organizationId: unitId },
    { drafter: actor('unit_approver'), moderator: actor('finance_reviewer') },
  );
  await loadDemoRectification(ctx, imported.evaluation.id, {
    department: actor('department_reviewer'),
    finance: actor('finance_reviewer'),
    filler: actor('unit_filler'),
  });
  await loadDemoResultApplication(
    ctx,
    { evaluationId: imported.evaluation.id, fiscalYear: imported.evaluation.fiscalYear },
    actor('finance_reviewer'),
  );
  await loadDemoAppeals(
    ctx,
    { organizationId: unitId, unitName: SEED_UNIT },
    {
      filler: actor('unit_filler'),
      approver: actor('unit_approver'),
      department: actor('department_reviewer'),
      finance: actor('finance_reviewer'),
      secondFinance: named('caizheng2'),
    },
  );
  await loadDemoBudgetYear(
    ctx,
    { organizationId: unitId, fiscalYear: imported.evaluation.fiscalYear + 1 },
    {
      filler: actor('unit_filler'),
      approver: actor('unit_approver'),
      department: actor('department_reviewer'),
      finance: actor('finance_reviewer'),
    },
  );
  const usedProjects = new Set([`${imported.evaluation.fiscalYear}/${imported.evaluation.projectName}`]);
  // The seed and the two appeal projects so far.
  let count = 3;
  for (const [index, path] of PATHS.entries()) {
    const generated = generateForm(1000 + index);
    const fiscalYear = 2023;
    const projectName = `${generated.projectName}（${index + 1}）`;
    if (usedProjects.has(`${fiscalYear}/${projectName}`)) continue;
    usedProjects.add(`${fiscalYear}/${projectName}`);
    const form: EvaluationForm = {
      ...generated,
      fiscalYear,
      projectName,
      department: SEED_UNIT,
      implementingUnit: SEED_UNIT,
    };
    const draft = await createDraft(ctx, actor('unit_filler'), { organizationId: unitId, form });
    await advance(draft, path);
    count += 1;
  }
  return { loaded: true, evaluations: count };
};
