import {
  DEFAULT_RESULT_APPLICATION_POLICY,
  type DeclarationStatus,
  type EvaluationStatus,
  emptyMonitoringReport,
  type Role,
  WORKFLOW_RULES,
  type WorkflowAction,
} from '@jixiao/core';
import { generateForm } from '@jixiao/core/testing';
import {
  type Actor,
  approveEvaluation,
  attachIndicatorEvidence,
  createDeclaration,
  createDraft,
  createMonitoringReport,
  createMonitoringRound,
  createOrganization,
  createRectificationItem,
  createUser,
  fileAppeal,
  getEvaluation,
  importFileIntoDraft as importEvaluation,
  publishEvaluation,
  returnEvaluation,
  submitEvaluation,
  submitPublicFeedback,
  transitionDeclaration,
} from '@jixiao/services';
import { TEST_PASSWORD } from '@jixiao/services/testing';
import { declarationForm, seedDeclaration } from '@jixiao/services/testing/budget-year';
import type { InjectOptions } from 'fastify';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, SEED_BASE64, type Session, type TestApp } from './test-app.ts';

/**
 * Every route × every subject, own and other organisation: the policy is written here as a table, independently
 * of the code, and the test asks the running app. A route with no entry fails the test, so a new route cannot
 * ship without a decision about who may call it.
 *
 * Subjects: anonymous; the unit's filler and approver; the 主管部门 reviewer and the 财政局 reviewer and admin
 * (above the unit in the tree); the filler of another unit. "Denied" means 401, 403 or 404 (an evaluation of
 * another unit is reported missing so ids cannot be probed); "allowed" means anything else.
 */
const SUBJECTS = ['anonymous', 'filler', 'approver', 'department', 'finance', 'admin', 'otherFiller'] as const;
type Subject = (typeof SUBJECTS)[number];

const ROLE_OF: Record<Exclude<Subject, 'anonymous' | 'otherFiller'>, Role> = {
  filler: 'unit_filler',
  approver: 'unit_approver',
  department: 'department_reviewer',
  finance: 'finance_reviewer',
  admin: 'admin',
};

/** The account the sign-in route is tried with. */
const SIGN_IN_ACCOUNT = 'matrix.signin';

const EVERYONE = new Set<Subject>(SUBJECTS);
const SIGNED_IN = new Set<Subject>(SUBJECTS.filter((subject) => subject !== 'anonymous'));
/** Who may see an evaluation of the unit: any role on the unit or above it. */
const SEE_UNIT = new Set<Subject>(['filler', 'approver', 'department', 'finance', 'admin']);
const only = (...subjects: Subject[]) => new Set<Subject>(subjects);

/** Subjects whose role the workflow allows for an action from a status (rules as data, core/workflow). */
const workflowAllows = (action: WorkflowAction, from: EvaluationStatus): Set<Subject> => {
  const rule = WORKFLOW_RULES.find((candidate) => candidate.action === action && candidate.from === from);
  const roles = new Set(rule?.roles ?? []);
  return new Set(
    (Object.entries(ROLE_OF) as [Subject, Role][]).filter(([, role]) => roles.has(role)).map(([subject]) => subject),
  );
};

type Ids = {
  unit: string;
  department: string;
  draft: string;
  submitted: string;
  approved: string;
  published: string;
  revision: string;
  attachment: string;
  /** An account of the unit that the admin routes act on (none of the subjects, whose sessions must survive). */
  user: string;
  /** A bulk audit the 主管部门 reviewer started: only its creator may see it. */
  bulkAudit: string;
  /** A citizen's message on the published evaluation, waiting for moderation. */
  feedback: string;
  /** A 整改 item on the draft, registered by the 主管部门 reviewer over the unit. */
  rectificationItem: string;
  /** 佐证材料 files on the draft, one taken by each delete request (a deleted file is gone for the next). */
  evidencePool: string[];
  /** Pending appeals against the bureau's returns, one taken by each ruling request. */
  appealPool: string[];
  /** 运行监控: the bureau's monitoring date, a draft report of the unit on it, and an approved declaration with no report yet. */
  monitoringRound: string;
  monitoringReport: string;
  monitoringDeclaration: string;
  /** 绩效目标申报: a draft declaration of the unit (routes that change one get a fresh one, see Policy). */
  declaration: string;
};

type Policy = {
  /** Which evaluation the request acts on, put fresh into this status for every subject. */
  status?: EvaluationStatus;
  /** Which declaration the request acts on (`declaration`), put fresh into this status for every subject. */
  declarationStatus?: DeclarationStatus;
  request: (ids: Ids & { id: string }) => InjectOptions;
  allowed: Set<Subject>;
};

const MATRIX_PDF = Buffer.from('%PDF-1.4\n% matrix\n').toString('base64');

const SEED_ZIP = Buffer.from(zipSync({ 'kaifu-2022.txt': Buffer.from(SEED_BASE64, 'base64') })).toString('base64');

const transition = (action: WorkflowAction, from: EvaluationStatus, body: Record<string, unknown> = {}): Policy => ({
  status: from,
  request: ({ id }) => ({
    method: 'POST',
    url: `/api/evaluations/${id}/${action}`,
    payload: { reason: '矩阵测试', ...body },
  }),
  allowed: workflowAllows(action, from),
});

/** Declarations made by the create route get names of their own (one project per unit and year). */
let nextDeclaration = 1;
/** The project each declaration was made for: a save keeps it (it files the declaration). */
const declarationNames = new Map<string, string>();

/** A declaration's review step: who may take it is the evaluation workflow's rule (core/workflow). */
const declarationStep = (action: 'submit' | 'withdraw' | 'approve' | 'return', from: DeclarationStatus): Policy => ({
  declarationStatus: from,
  request: ({ declaration }) => ({
    method: 'POST',
    url: `/api/declarations/${declaration}/${action}`,
    payload: { reason: '矩阵测试' },
  }),
  allowed: workflowAllows(action, from),
});

const POLICIES: Record<string, Policy> = {
  'GET /api/health': { request: () => ({ method: 'GET', url: '/api/health' }), allowed: EVERYONE },
  'GET /api/rule-sets': { request: () => ({ method: 'GET', url: '/api/rule-sets' }), allowed: EVERYONE },
  'GET /api/docs': { request: () => ({ method: 'GET', url: '/api/docs' }), allowed: EVERYONE },
  'GET /api/docs/': { request: () => ({ method: 'GET', url: '/api/docs/' }), allowed: EVERYONE },
  'GET /api/docs/json': { request: () => ({ method: 'GET', url: '/api/docs/json' }), allowed: EVERYONE },
  'GET /api/docs/yaml': { request: () => ({ method: 'GET', url: '/api/docs/yaml' }), allowed: EVERYONE },
  'GET /api/docs/static/index.html': {
    request: () => ({ method: 'GET', url: '/api/docs/static/index.html' }),
    allowed: EVERYONE,
  },
  'GET /api/docs/static/swagger-initializer.js': {
    request: () => ({ method: 'GET', url: '/api/docs/static/swagger-initializer.js' }),
    allowed: EVERYONE,
  },
  'GET /api/docs/static/*': {
    request: () => ({ method: 'GET', url: '/api/docs/static/swagger-ui.css' }),
    allowed: EVERYONE,
  },
  'GET /api/public/evaluations': {
    request: () => ({ method: 'GET', url: '/api/public/evaluations' }),
    allowed: EVERYONE,
  },
  'GET /api/public/evaluations/:id': {
    request: ({ published }) => ({ method: 'GET', url: `/api/public/evaluations/${published}` }),
    allowed: EVERYONE,
  },
  'GET /api/public/indicators.json': {
    request: () => ({ method: 'GET', url: '/api/public/indicators.json' }),
    allowed: EVERYONE,
  },
  'GET /api/public/indicators.csv': {
    request: () => ({ method: 'GET', url: '/api/public/indicators.csv' }),
    allowed: EVERYONE,
  },
  'GET /api/public/evaluations/:id/documents/:kind': {
    request: ({ published }) => ({ method: 'GET', url: `/api/public/evaluations/${published}/documents/report.html` }),
    allowed: EVERYONE,
  },
  // Its own account: every subject signing in as one of theirs would end that subject's session
  // (MAX_SESSIONS_PER_USER).
  'POST /api/auth/login': {
    request: () => ({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: SIGN_IN_ACCOUNT, password: TEST_PASSWORD },
    }),
    allowed: EVERYONE,
  },
  'POST /api/auth/logout': { request: () => ({ method: 'POST', url: '/api/auth/logout' }), allowed: SIGNED_IN },
  // A wrong current password: whoever gets past authorization is told so (400) and nothing changes.
  'POST /api/auth/password': {
    request: () => ({
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: 'Not-the-password-1', newPassword: 'Matrix-new-pass-2024' },
    }),
    allowed: SIGNED_IN,
  },
  'GET /api/auth/me': { request: () => ({ method: 'GET', url: '/api/auth/me' }), allowed: SIGNED_IN },
  'GET /api/audit-log/verify': {
    request: () => ({ method: 'GET', url: '/api/audit-log/verify' }),
    allowed: only('finance', 'admin'),
  },
  'GET /api/attachments/:id': {
    request: ({ attachment }) => ({ method: 'GET', url: `/api/attachments/${attachment}` }),
    allowed: SEE_UNIT,
  },
  'GET /api/evaluations': { request: () => ({ method: 'GET', url: '/api/evaluations' }), allowed: SIGNED_IN },
  'POST /api/evaluations': {
    request: ({ unit }) => ({
      method: 'POST',
      url: '/api/evaluations',
      payload: {
        organizationId: unit,
        form: { ...generateForm(Math.floor(Math.random() * 1e9)), projectName: `矩阵新建${Math.random()}` },
      },
    }),
    allowed: only('filler'),
  },
  'POST /api/evaluations/import': {
    request: ({ unit }) => ({
      method: 'POST',
      url: '/api/evaluations/import',
      payload: { organizationId: unit, fileName: `矩阵导入${Math.random()}.txt`, contentBase64: SEED_BASE64 },
    }),
    allowed: only('filler'),
  },
  'GET /api/evaluations/:id': {
    request: ({ id }) => ({ method: 'GET', url: `/api/evaluations/${id}` }),
    allowed: SEE_UNIT,
  },
  'PUT /api/evaluations/:id': {
    status: 'draft',
    request: ({ id }) => ({
      method: 'PUT',
      url: `/api/evaluations/${id}`,
      payload: { expectedVersion: 2, form: { ...generateForm(5), fiscalYear: 2023 } },
    }),
    allowed: workflowAllows('edit', 'draft'),
  },
  'POST /api/evaluations/:id/submit': transition('submit', 'draft'),
  'POST /api/evaluations/:id/withdraw': transition('withdraw', 'submitted'),
  'POST /api/evaluations/:id/approve': transition('approve', 'submitted'),
  'POST /api/evaluations/:id/return': transition('return', 'submitted'),
  'POST /api/evaluations/:id/publish': transition('publish', 'approved'),
  'POST /api/evaluations/:id/unpublish': transition('unpublish', 'published'),
  'GET /api/evaluations/:id/audit': {
    request: ({ id }) => ({ method: 'GET', url: `/api/evaluations/${id}/audit` }),
    allowed: SEE_UNIT,
  },
  'GET /api/evaluations/:id/revisions/:revisionId': {
    request: ({ draft, revision }) => ({ method: 'GET', url: `/api/evaluations/${draft}/revisions/${revision}` }),
    allowed: SEE_UNIT,
  },
  'GET /api/evaluations/:id/diff': {
    request: ({ draft, revision }) => ({
      method: 'GET',
      url: `/api/evaluations/${draft}/diff?from=${revision}&to=${revision}`,
    }),
    allowed: SEE_UNIT,
  },
  'GET /api/evaluations/:id/documents/:kind': {
    request: ({ id }) => ({ method: 'GET', url: `/api/evaluations/${id}/documents/report.html` }),
    allowed: SEE_UNIT,
  },
  'GET /api/review-queue': { request: () => ({ method: 'GET', url: '/api/review-queue' }), allowed: SIGNED_IN },
  // 佐证材料: the unit's own people change it while editable (a name not in the form is a 400, past authorization).
  'GET /api/evaluations/:id/evidence': {
    request: ({ id }) => ({ method: 'GET', url: `/api/evaluations/${id}/evidence` }),
    allowed: SEE_UNIT,
  },
  'POST /api/evaluations/:id/evidence': {
    status: 'draft',
    request: ({ id }) => ({
      method: 'POST',
      url: `/api/evaluations/${id}/evidence`,
      payload: { indicatorName: '矩阵指标', fileName: '矩阵.pdf', contentBase64: MATRIX_PDF },
    }),
    allowed: only('filler', 'approver'),
  },
  'DELETE /api/evaluations/:id/evidence/:attachmentId': {
    request: ({ draft, evidencePool }) => ({
      method: 'DELETE',
      url: `/api/evaluations/${draft}/evidence/${evidencePool.shift()}`,
    }),
    allowed: only('filler', 'approver'),
  },
  // 申诉 by the unit against the bureau's return; 复议 by the bureau's finance reviewer (the only one here).
  'GET /api/evaluations/:id/appeals': {
    request: ({ id }) => ({ method: 'GET', url: `/api/evaluations/${id}/appeals` }),
    allowed: SEE_UNIT,
  },
  'POST /api/evaluations/:id/appeals': {
    status: 'returned',
    request: ({ id }) => ({ method: 'POST', url: `/api/evaluations/${id}/appeals`, payload: { reasons: '矩阵申诉' } }),
    allowed: only('filler', 'approver'),
  },
  'GET /api/appeals': { request: () => ({ method: 'GET', url: '/api/appeals' }), allowed: SIGNED_IN },
  'POST /api/appeals/:id/rule': {
    request: ({ appealPool }) => ({
      method: 'POST',
      url: `/api/appeals/${appealPool.shift()}/rule`,
      payload: { outcome: 'upheld', reason: '矩阵复议' },
    }),
    allowed: only('finance'),
  },
  // Anyone may write (the flood limits answer 429 past a few, which is not a denial); staff see feedback on
  // the reports of units they moderate (主管部门, 财政局) or belong to (the unit drafts the reply).
  'GET /api/public/evaluations/:id/feedback': {
    request: ({ published }) => ({ method: 'GET', url: `/api/public/evaluations/${published}/feedback` }),
    allowed: EVERYONE,
  },
  'POST /api/public/evaluations/:id/feedback': {
    request: ({ published }) => ({
      method: 'POST',
      url: `/api/public/evaluations/${published}/feedback`,
      payload: { body: '矩阵测试的公众反馈' },
    }),
    allowed: EVERYONE,
  },
  'GET /api/feedback': { request: () => ({ method: 'GET', url: '/api/feedback' }), allowed: SIGNED_IN },
  'POST /api/feedback/:id/draft-reply': {
    request: ({ feedback }) => ({
      method: 'POST',
      url: `/api/feedback/${feedback}/draft-reply`,
      payload: { draft: '矩阵测试答复草稿' },
    }),
    allowed: only('filler', 'approver'),
  },
  'POST /api/feedback/:id/publish': {
    request: ({ feedback }) => ({
      method: 'POST',
      url: `/api/feedback/${feedback}/publish`,
      payload: { reply: '矩阵测试答复' },
    }),
    allowed: only('department', 'finance'),
  },
  'POST /api/feedback/:id/hide': {
    request: ({ feedback }) => ({
      method: 'POST',
      url: `/api/feedback/${feedback}/hide`,
      payload: { reason: '矩阵测试理由' },
    }),
    allowed: only('department', 'finance'),
  },
  'POST /api/feedback/:id/rectification': {
    request: ({ feedback }) => ({
      method: 'POST',
      url: `/api/feedback/${feedback}/rectification`,
      payload: { description: '矩阵测试整改', deadline: '2099-12-31' },
    }),
    allowed: only('department', 'finance'),
  },
  'GET /api/findings': { request: () => ({ method: 'GET', url: '/api/findings' }), allowed: SIGNED_IN },
  'GET /api/analysis/risks': { request: () => ({ method: 'GET', url: '/api/analysis/risks' }), allowed: SIGNED_IN },
  'GET /api/analysis/dashboard': {
    request: () => ({ method: 'GET', url: '/api/analysis/dashboard' }),
    allowed: SIGNED_IN,
  },
  'GET /api/organizations': { request: () => ({ method: 'GET', url: '/api/organizations' }), allowed: SIGNED_IN },
  'POST /api/organizations': {
    request: ({ department }) => ({
      method: 'POST',
      url: '/api/organizations',
      payload: { name: `矩阵单位${Math.random()}`, kind: 'budget_unit', parentId: department },
    }),
    allowed: only('admin'),
  },
  'PATCH /api/organizations/:id': {
    request: () => ({
      method: 'PATCH',
      url: `/api/organizations/${spareUnit}`,
      payload: { name: `矩阵改名${Math.random()}` },
    }),
    allowed: only('admin'),
  },
  'POST /api/organizations/:id/stop': {
    request: () => ({
      method: 'POST',
      url: `/api/organizations/${spareUnit}/stop`,
      payload: { reason: '矩阵测试停用' },
    }),
    allowed: only('admin'),
  },
  'POST /api/organizations/:id/resume': {
    request: () => ({ method: 'POST', url: `/api/organizations/${spareUnit}/resume` }),
    allowed: only('admin'),
  },
  'PUT /api/users/:id/roles': {
    request: ({ user, unit }) => ({
      method: 'PUT',
      url: `/api/users/${user}/roles`,
      payload: { roles: [{ organizationId: unit, role: 'unit_filler' }] },
    }),
    allowed: only('admin'),
  },
  'GET /api/users': { request: () => ({ method: 'GET', url: '/api/users' }), allowed: only('admin') },
  'POST /api/bulk-audits': {
    request: () => ({
      method: 'POST',
      url: '/api/bulk-audits',
      payload: { fileName: '矩阵批量审核.zip', contentBase64: SEED_ZIP },
    }),
    allowed: only('department', 'finance'),
  },
  'GET /api/bulk-audits': {
    request: () => ({ method: 'GET', url: '/api/bulk-audits' }),
    allowed: only('department', 'finance'),
  },
  // A bulk audit is its creator's alone: the other reviewer is told it does not exist.
  'GET /api/bulk-audits/:id': {
    request: ({ bulkAudit }) => ({ method: 'GET', url: `/api/bulk-audits/${bulkAudit}` }),
    allowed: only('department'),
  },
  'GET /api/bulk-audits/:id/:kind': {
    request: ({ bulkAudit }) => ({ method: 'GET', url: `/api/bulk-audits/${bulkAudit}/summary.json` }),
    allowed: only('department'),
  },
  'POST /api/users': {
    request: ({ unit }) => ({
      method: 'POST',
      url: '/api/users',
      payload: {
        username: `matrix${Math.floor(Math.random() * 1e9)}`,
        displayName: '矩阵用户',
        password: 'Matrix@2024pass',
        roles: [{ organizationId: unit, role: 'unit_filler' }],
      },
    }),
    allowed: only('admin'),
  },
  'POST /api/users/:id/disable': {
    request: ({ user }) => ({ method: 'POST', url: `/api/users/${user}/disable` }),
    allowed: only('admin'),
  },
  'POST /api/users/:id/enable': {
    request: ({ user }) => ({ method: 'POST', url: `/api/users/${user}/enable` }),
    allowed: only('admin'),
  },
  'POST /api/users/:id/reset-password': {
    request: ({ user }) => ({ method: 'POST', url: `/api/users/${user}/reset-password` }),
    allowed: only('admin'),
  },
  'POST /api/users/:id/revoke-sessions': {
    request: ({ user }) => ({ method: 'POST', url: `/api/users/${user}/revoke-sessions` }),
    allowed: only('admin'),
  },
  // 结果应用 is the 财政局's: its reviewers act, the admin may look, 主管部门 and units are refused.
  'GET /api/result-application': {
    request: () => ({ method: 'GET', url: '/api/result-application?year=2023' }),
    allowed: only('finance', 'admin'),
  },
  'GET /api/result-application/table.xlsx': {
    request: () => ({ method: 'GET', url: '/api/result-application/table.xlsx?year=2023' }),
    allowed: only('finance', 'admin'),
  },
  'PUT /api/result-application/policies/:year': {
    request: () => ({
      method: 'PUT',
      url: '/api/result-application/policies/2023',
      payload: { ...DEFAULT_RESULT_APPLICATION_POLICY, appealPeriodDays: 15 },
    }),
    allowed: only('finance'),
  },
  'PUT /api/result-application/decisions/:evaluationId': {
    status: 'approved',
    request: ({ id }) => ({
      method: 'PUT',
      url: `/api/result-application/decisions/${id}`,
      payload: { decision: 'other', reason: '矩阵测试' },
    }),
    allowed: only('finance'),
  },
};

/**
 * 整改 steps on one shared item: a step from the wrong status answers 409 and a submit without evidence 400, both
 * past authorization, so every allowed subject reads "allowed" whatever the item's status by then.
 */
const rectificationStep = (
  action: string,
  allowed: Set<Subject>,
  payload: Record<string, unknown> = { reason: '矩阵测试', progressNote: '矩阵测试进展' },
): Policy => ({
  request: ({ rectificationItem }) => ({
    method: 'POST',
    url: `/api/rectification-items/${rectificationItem}/${action}`,
    payload,
  }),
  allowed,
});

Object.assign(POLICIES, {
  // Everyone signed in lists what they may see (a unit its own, the bureau all); the item is its unit's and above.
  'GET /api/rectification-items': {
    request: () => ({ method: 'GET', url: '/api/rectification-items?overdue=true' }),
    allowed: SIGNED_IN,
  },
  'GET /api/rectification-items/:id': {
    request: ({ rectificationItem }) => ({ method: 'GET', url: `/api/rectification-items/${rectificationItem}` }),
    allowed: SEE_UNIT,
  },
  'POST /api/rectification-items': {
    request: ({ draft }) => ({
      method: 'POST',
      url: '/api/rectification-items',
      payload: { evaluationId: draft, sourceKind: 'manual', description: '矩阵测试', deadline: '2100-12-31' },
    }),
    allowed: only('department', 'finance'),
  },
  'POST /api/rectification-items/:id/start': rectificationStep('start', only('filler', 'approver')),
  'POST /api/rectification-items/:id/update': rectificationStep('update', only('filler', 'approver')),
  'POST /api/rectification-items/:id/submit': rectificationStep('submit', only('filler', 'approver')),
  'POST /api/rectification-items/:id/return': rectificationStep('return', only('department', 'finance')),
  'POST /api/rectification-items/:id/close': rectificationStep('close', only('department', 'finance')),
  // A second revise to the same deadline changes nothing (400), past authorization like the first.
  'POST /api/rectification-items/:id/revise': rectificationStep('revise', only('department', 'finance'), {
    reason: '矩阵测试：延期',
    deadline: '2100-12-30',
  }),
  // 撤销: the bureau, or the reviewer who registered the item (here the 主管部门's); a second cancel answers 409.
  'POST /api/rectification-items/:id/cancel': rectificationStep('cancel', only('department', 'finance'), {
    reason: '矩阵测试：误登记',
  }),
  'POST /api/rectification-items/:id/evidence': {
    request: ({ rectificationItem }) => ({
      method: 'POST',
      url: `/api/rectification-items/${rectificationItem}/evidence`,
      payload: { fileName: '整改材料.txt', contentBase64: Buffer.from('整改佐证材料').toString('base64') },
    }),
    allowed: only('filler', 'approver'),
  },
  'GET /api/evaluations/:id/rectification-proposals': {
    request: ({ draft }) => ({ method: 'GET', url: `/api/evaluations/${draft}/rectification-proposals` }),
    allowed: only('department', 'finance'),
  },
  'GET /api/declarations': {
    request: () => ({ method: 'GET', url: '/api/declarations?year=2026' }),
    allowed: SIGNED_IN,
  },
  'POST /api/declarations': {
    request: ({ unit }) => ({
      method: 'POST',
      url: '/api/declarations',
      payload: { organizationId: unit, form: declarationForm(`矩阵新建申报${nextDeclaration++}`) },
    }),
    allowed: only('filler'),
  },
  'POST /api/declarations/import': {
    request: ({ unit }) => ({
      method: 'POST',
      url: '/api/declarations/import',
      payload: { organizationId: unit, fileName: 'kaifu-2022.txt', contentBase64: SEED_BASE64 },
    }),
    allowed: only('filler'),
  },
  'GET /api/declarations/:id': {
    request: ({ declaration }) => ({ method: 'GET', url: `/api/declarations/${declaration}` }),
    allowed: SEE_UNIT,
  },
  'PUT /api/declarations/:id': {
    declarationStatus: 'draft',
    request: ({ declaration }) => ({
      method: 'PUT',
      url: `/api/declarations/${declaration}`,
      payload: { version: 1, form: declarationForm(declarationNames.get(declaration) ?? '') },
    }),
    allowed: only('filler'),
  },
  'POST /api/declarations/:id/submit': declarationStep('submit', 'draft'),
  'POST /api/declarations/:id/withdraw': declarationStep('withdraw', 'submitted'),
  'POST /api/declarations/:id/approve': declarationStep('approve', 'submitted'),
  'POST /api/declarations/:id/return': declarationStep('return', 'department_review'),
  'POST /api/declarations/:id/adjust': {
    declarationStatus: 'approved',
    request: ({ declaration }) => ({
      method: 'POST',
      url: `/api/declarations/${declaration}/adjust`,
      payload: { reason: '矩阵测试调整' },
    }),
    allowed: only('filler'),
  },
  'GET /api/declarations/:id/document.xlsx': {
    request: ({ declaration }) => ({ method: 'GET', url: `/api/declarations/${declaration}/document.xlsx` }),
    allowed: SEE_UNIT,
  },
  'GET /api/declarations/:id/document.pdf': {
    request: ({ declaration }) => ({ method: 'GET', url: `/api/declarations/${declaration}/document.pdf` }),
    allowed: SEE_UNIT,
  },
  'GET /api/monitoring-rounds': {
    request: () => ({ method: 'GET', url: '/api/monitoring-rounds?year=2026' }),
    allowed: SIGNED_IN,
  },
  'POST /api/monitoring-rounds': {
    request: () => ({
      method: 'POST',
      url: '/api/monitoring-rounds',
      payload: { fiscalYear: 2026, asOf: '2026-06-30', dueDate: '2026-07-15' },
    }),
    allowed: only('finance'),
  },
  'GET /api/monitoring-reports': {
    request: () => ({ method: 'GET', url: '/api/monitoring-reports?year=2026&behind=true' }),
    allowed: SIGNED_IN,
  },
  'POST /api/monitoring-reports': {
    request: ({ monitoringRound, monitoringDeclaration }) => ({
      method: 'POST',
      url: '/api/monitoring-reports',
      payload: { roundId: monitoringRound, declarationId: monitoringDeclaration },
    }),
    allowed: only('filler'),
  },
  'GET /api/monitoring-reports/:id': {
    request: ({ monitoringReport }) => ({ method: 'GET', url: `/api/monitoring-reports/${monitoringReport}` }),
    allowed: SEE_UNIT,
  },
  'PUT /api/monitoring-reports/:id': {
    request: ({ monitoringReport }) => ({
      method: 'PUT',
      url: `/api/monitoring-reports/${monitoringReport}`,
      payload: { report: { ...emptyMonitoringReport(), asOf: '2026-07-31', fiscalYear: 2026 }, version: 1 },
    }),
    allowed: only('filler'),
  },
  // Submitting the matrix's blank report is refused as incomplete (400): the report stays a draft for the others.
  'POST /api/monitoring-reports/:id/submit': {
    request: ({ monitoringReport }) => ({
      method: 'POST',
      url: `/api/monitoring-reports/${monitoringReport}/submit`,
      payload: {},
    }),
    allowed: only('filler'),
  },
  'POST /api/monitoring-reports/:id/import': {
    request: ({ monitoringReport }) => ({
      method: 'POST',
      url: `/api/monitoring-reports/${monitoringReport}/import`,
      payload: { fileName: '监控表.txt', contentBase64: Buffer.from('矩阵测试').toString('base64') },
    }),
    allowed: only('filler'),
  },
  'GET /api/monitoring-reports/:id/document.xlsx': {
    request: ({ monitoringReport }) => ({
      method: 'GET',
      url: `/api/monitoring-reports/${monitoringReport}/document.xlsx`,
    }),
    allowed: SEE_UNIT,
  },
  'GET /api/monitoring-reports/:id/document.pdf': {
    request: ({ monitoringReport }) => ({
      method: 'GET',
      url: `/api/monitoring-reports/${monitoringReport}/document.pdf`,
    }),
    allowed: SEE_UNIT,
  },
  'GET /api/monitoring/overview': {
    request: () => ({ method: 'GET', url: '/api/monitoring/overview?year=2026' }),
    allowed: SIGNED_IN,
  },
  'POST /api/evaluations/from-declaration': {
    request: ({ monitoringDeclaration }) => ({
      method: 'POST',
      url: '/api/evaluations/from-declaration',
      payload: { declarationId: monitoringDeclaration },
    }),
    allowed: only('filler'),
  },
  'GET /api/evaluations/:id/budget-year': {
    request: ({ draft }) => ({ method: 'GET', url: `/api/evaluations/${draft}/budget-year` }),
    allowed: SEE_UNIT,
  },
} satisfies Record<string, Policy>);

const DENIED = new Set([401, 403, 404]);

type Scope = 'own' | 'other';

/** On the other unit's data this unit's own people have no rights; the other unit's filler stands in for ours. */
const allowedOnOtherUnit = (allowed: Set<Subject>): Set<Subject> =>
  new Set<Subject>([
    ...[...allowed].filter((subject) => subject === 'finance' || subject === 'admin'),
    ...(allowed.has('filler') ? (['otherFiller'] as const) : []),
  ]);

/** Routes about one evaluation's data (not the public ones): they are asked again about another unit's. */
const isScopedRoute = (route: string): boolean =>
  /^(GET|PUT|POST|DELETE) \/api\/(evaluations\/:id|attachments\/:id|rectification-items\/:id|monitoring-reports\/:id|declarations\/:id)/u.test(
    route,
  );

let nextSeed = 100;
/** A budget unit of its own for the rename, stop and restart routes, so the unit the other routes use stays open. */
let spareUnit = '';

describe('authorization matrix: every route × every subject', () => {
  let testApp: TestApp;
  const sessions = new Map<Subject, Session | null>();
  let ids: Ids;
  let otherIds: Ids;

  /** Actors of the unit that owns the evaluation: this unit, or the other unit under the other department. */
  let owners: Record<Scope, { organization: string; filler: Actor; approver: Actor; department: Actor }>;
  let target: Actor;
  let bulkAudit: string;

  const evaluationIn = async (
    status: EvaluationStatus | undefined,
    seed: number,
    scope: Scope = 'own',
  ): Promise<string> => {
    const { ctx, actors } = testApp.fixture;
    const owner = owners[scope];
    const draft = await createDraft(ctx, owner.filler, {
      organizationId: owner.organization,
      form: { ...generateForm(seed), fiscalYear: 2023, projectName: `矩阵项目${seed}` },
    });
    const id = draft.id;
    const steps: [EvaluationStatus, () => Promise<unknown>][] = [
      ['submitted', () => submitEvaluation(ctx, owner.filler, { evaluationId: id })],
      ['department_review', () => approveEvaluation(ctx, owner.approver, { evaluationId: id })],
      ['finance_review', () => approveEvaluation(ctx, owner.department, { evaluationId: id })],
      ['approved', () => approveEvaluation(ctx, actors.finance_reviewer, { evaluationId: id })],
      ['published', () => publishEvaluation(ctx, actors.finance_reviewer, { evaluationId: id })],
    ];
    // 'returned': taken to the bureau's stage and returned by it (what a unit may appeal).
    const upTo = status === 'returned' ? 'finance_review' : status;
    for (const [reached, step] of steps) {
      if (upTo === undefined || upTo === 'draft') break;
      await step();
      if (reached === upTo) break;
    }
    if (status === 'returned')
      await returnEvaluation(ctx, actors.finance_reviewer, { evaluationId: id, reason: '矩阵测试退回' });
    return id;
  };

  const feedbackOn = async (evaluationId: string): Promise<string> => {
    const { ctx } = testApp.fixture;
    await submitPublicFeedback(ctx, {
      evaluationId,
      body: '矩阵测试：待审核的公众反馈',
      address: '192.0.2.1',
      sourceKey: new Uint8Array(32),
    });
    const row = await ctx.db
      .selectFrom('public_feedback')
      .select('id')
      .where('evaluation_id', '=', evaluationId)
      .executeTakeFirstOrThrow();
    return row.id;
  };

  const evidenceOn = async (evaluationId: string, scope: Scope): Promise<string[]> => {
    const { ctx } = testApp.fixture;
    const owner = owners[scope];
    const indicatorName = (await getEvaluation(ctx, owner.filler, evaluationId)).form?.indicators[0]?.name ?? '';
    const pool: string[] = [];
    for (const subject of SUBJECTS) {
      const file = await attachIndicatorEvidence(ctx, owner.filler, {
        evaluationId,
        indicatorName,
        fileName: `矩阵-${subject}.pdf`,
        bytes: new Uint8Array(Buffer.from(MATRIX_PDF, 'base64')),
      });
      pool.push(file.id);
    }
    return pool;
  };

  /** Appeals against returns by another finance reviewer, so that the 'finance' subject may rule on them. */
  const pendingAppeals = async (seed: number): Promise<string[]> => {
    const { ctx, organizations } = testApp.fixture;
    const decider = await createUser(ctx, null, {
      username: 'matrix.decider',
      displayName: 'matrix.decider',
      password: TEST_PASSWORD,
      roles: [{ organizationId: organizations.bureau, role: 'finance_reviewer' }],
    });
    const deciding: Actor = {
      userId: decider.id,
      username: decider.username,
      displayName: decider.displayName,
      roles: decider.roles,
    };
    const pool: string[] = [];
    for (const [index] of SUBJECTS.entries()) {
      const evaluationId = await evaluationIn('finance_review', seed + index);
      await returnEvaluation(ctx, deciding, { evaluationId, reason: '矩阵测试退回' });
      pool.push(
        (await fileAppeal(testApp.fixture.ctx, owners.own.filler, { evaluationId, reasons: '矩阵申诉', files: [] })).id,
      );
    }
    return pool;
  };

  /** Approved declarations written straight into the table (the declarations workflow has its own rows). */
  let monitoringRound = '';
  const monitoringIdsFor = async (scope: Scope, seed: number) => {
    const { ctx, actors } = testApp.fixture;
    const owner = owners[scope];
    monitoringRound ||= (
      await createMonitoringRound(ctx, actors.finance_reviewer, {
        fiscalYear: 2026,
        asOf: '2026-07-31',
        dueDate: '2026-08-15',
      })
    ).id;
    const declared = (name: string) =>
      seedDeclaration(ctx.db, {
        organizationId: owner.organization,
        createdBy: owner.filler.userId,
        form: declarationForm(name),
      });
    const reported = await declared(`矩阵监控项目${seed}`);
    return {
      monitoringRound,
      monitoringReport: (
        await createMonitoringReport(ctx, owner.filler, { roundId: monitoringRound, declarationId: reported })
      ).id,
      monitoringDeclaration: await declared(`矩阵申报项目${seed}`),
    };
  };

  /** A declaration of the unit taken through the review chain up to `status`, by the unit's own people. */
  const declarationIn = async (status: DeclarationStatus, seed: number, scope: Scope): Promise<string> => {
    const { ctx, actors } = testApp.fixture;
    const owner = owners[scope];
    const projectName = `矩阵绩效目标${seed}`;
    const { id } = await createDeclaration(ctx, owner.filler, {
      organizationId: owner.organization,
      form: declarationForm(projectName),
    });
    declarationNames.set(id, projectName);
    const steps: [DeclarationStatus, Actor, 'submit' | 'approve'][] = [
      ['submitted', owner.filler, 'submit'],
      ['department_review', owner.approver, 'approve'],
      ['finance_review', owner.department, 'approve'],
      ['approved', actors.finance_reviewer, 'approve'],
    ];
    for (const [reached, actor, action] of steps) {
      if (status === 'draft') break;
      await transitionDeclaration(ctx, actor, action, { declarationId: id });
      if (reached === status) break;
    }
    return id;
  };

  const idsFor = async (scope: Scope, seed: number): Promise<Ids> => {
    const { ctx, organizations } = testApp.fixture;
    const owner = owners[scope];
    const draft = await evaluationIn('draft', seed, scope);
    const imported = await importEvaluation(ctx, owner.filler, {
      organizationId: owner.organization,
      fileName: 'kaifu-2022.txt',
      bytes: new Uint8Array(Buffer.from(SEED_BASE64, 'base64')),
      // The seed names 征收办: the other unit files it as its own all the same.
      confirmUnitMismatch: true,
    });
    const detail = await getEvaluation(ctx, owner.filler, imported.evaluation.id);
    return {
      unit: organizations.unit,
      department: organizations.department,
      draft,
      submitted: await evaluationIn('submitted', seed + 1, scope),
      approved: await evaluationIn('approved', seed + 2, scope),
      published: await evaluationIn('published', seed + 3, scope),
      revision: (await getEvaluation(ctx, owner.filler, draft)).currentRevisionId ?? '',
      attachment: detail.attachments[0]?.id ?? '',
      user: target.userId,
      bulkAudit,
      feedback: await feedbackOn(await evaluationIn('published', seed + 4, scope)),
      evidencePool: await evidenceOn(draft, scope),
      appealPool: scope === 'own' ? await pendingAppeals(seed + 10) : [],
      ...(await monitoringIdsFor(scope, seed)),
      declaration: await declarationIn('draft', seed, scope),
      rectificationItem: (
        await createRectificationItem(ctx, owner.department, {
          evaluationId: draft,
          sourceKind: 'manual',
          description: '矩阵测试：整改事项',
          deadline: '2100-12-31',
        })
      ).id,
    };
  };

  beforeAll(async () => {
    testApp = await createTestApp();
    sessions.set('anonymous', null);
    for (const [subject, username] of [
      ['filler', 'filler'],
      ['approver', 'approver'],
      ['department', 'department'],
      ['finance', 'finance'],
      ['admin', 'admin'],
      ['otherFiller', 'other.filler'],
    ] as const) {
      sessions.set(subject, await testApp.login(username));
    }
    const { organizations, ctx, actors } = testApp.fixture;
    await createUser(ctx, null, {
      username: SIGN_IN_ACCOUNT,
      displayName: SIGN_IN_ACCOUNT,
      password: TEST_PASSWORD,
      roles: [{ organizationId: organizations.unit, role: 'unit_filler' }],
    });
    const other = async (username: string, role: Role, organizationId: string): Promise<Actor> => {
      const user = await createUser(ctx, null, {
        username,
        displayName: username,
        password: TEST_PASSWORD,
        roles: [{ organizationId, role }],
      });
      return { userId: user.id, username: user.username, displayName: user.displayName, roles: user.roles };
    };
    owners = {
      own: {
        organization: organizations.unit,
        filler: actors.unit_filler,
        approver: actors.unit_approver,
        department: actors.department_reviewer,
      },
      other: {
        organization: organizations.otherUnit,
        filler: actors.otherFiller,
        approver: await other('other.approver', 'unit_approver', organizations.otherUnit),
        department: await other('other.department', 'department_reviewer', organizations.otherDepartment),
      },
    };
    target = await other('matrix.target', 'unit_filler', organizations.unit);
    spareUnit = (
      await createOrganization(ctx, null, {
        name: '矩阵备用单位',
        kind: 'budget_unit',
        parentId: organizations.department,
      })
    ).id;
    const started = await testApp.request(sessions.get('department') ?? null, {
      method: 'POST',
      url: '/api/bulk-audits',
      payload: { fileName: '矩阵批量审核.zip', contentBase64: SEED_ZIP },
    });
    bulkAudit = started.json<{ id: string }>().id;
    ids = await idsFor('own', 1);
    otherIds = await idsFor('other', 50);
    // Generous: it builds some thirty evaluations through the use cases, and once outran the default on a busy machine.
  });
  afterAll(async () => {
    await testApp.close();
  });

  it('has a policy for every route the app serves', () => {
    const missing = testApp.app.routeTable
      .map(({ method, url }) => `${method} ${url}`)
      .filter((route) => !(route in POLICIES));
    expect(missing).toEqual([]);
  });

  const runRoute = async (route: string, policy: Policy, scope: Scope) => {
    let seed = nextSeed;
    nextSeed += SUBJECTS.length;
    const outcomes: Record<string, number> = {};
    const expected: Record<string, string> = {};
    const allowed = scope === 'own' ? policy.allowed : allowedOnOtherUnit(policy.allowed);
    const base = scope === 'own' ? ids : otherIds;
    for (const subject of SUBJECTS) {
      const id = policy.status ? await evaluationIn(policy.status, seed++, scope) : base.draft;
      const declaration = policy.declarationStatus
        ? await declarationIn(policy.declarationStatus, seed++, scope)
        : base.declaration;
      // Logging out ends the session: use a fresh one for that route.
      const session =
        route === 'POST /api/auth/logout' && subject !== 'anonymous'
          ? await testApp.login(subject === 'otherFiller' ? 'other.filler' : subject)
          : (sessions.get(subject) ?? null);
      const response = await testApp.request(
        session,
        policy.request({ ...base, declaration, unit: ids.unit, department: ids.department, id }),
      );
      outcomes[subject] = response.statusCode;
      expected[subject] = allowed.has(subject) ? 'allowed' : 'denied';
    }
    const verdicts = Object.fromEntries(
      Object.entries(outcomes).map(([subject, status]) => [subject, `${DENIED.has(status) ? 'denied' : 'allowed'}`]),
    );
    expect(verdicts, `statuses: ${JSON.stringify(outcomes)}`).toEqual(expected);
  };

  /**
   * Separation of duties on top of the roles: someone an admin gave both 单位填报 and 单位审核 (or a 财政局 reviewer
   * who also fills a unit's forms) holds the role the workflow asks for, yet may not approve or publish a revision
   * they submitted or last edited; returning it stays open to them. The others decide as usual.
   */
  describe('separation of duties', () => {
    const as = (subject: Subject): Session | null => sessions.get(subject) ?? null;
    const post = (session: Session | null, id: string, action: WorkflowAction) =>
      testApp.request(session, {
        method: 'POST',
        url: `/api/evaluations/${id}/${action}`,
        payload: { reason: '职责分离测试' },
      });
    const grant = async (username: string, grants: [Role, string][]): Promise<Session> => {
      await createUser(testApp.fixture.ctx, null, {
        username,
        displayName: username,
        password: TEST_PASSWORD,
        roles: grants.map(([role, organizationId]) => ({ organizationId, role })),
      });
      return testApp.login(username);
    };
    const refusedAsOwnWork = (response: { statusCode: number; json: <T>() => T }) => {
      expect(response.statusCode).toBe(403);
      expect(response.json<{ error: { code: string; message: string } }>().error).toMatchObject({
        code: 'SEPARATION_OF_DUTIES',
        message: expect.stringContaining('本人'),
      });
    };
    const draftBy = async (session: Session | null, seed: number): Promise<string> => {
      const created = await testApp.request(session, {
        method: 'POST',
        url: '/api/evaluations',
        payload: {
          organizationId: ids.unit,
          form: { ...generateForm(seed), fiscalYear: 2023, projectName: `职责分离${seed}` },
        },
      });
      expect(created.statusCode).toBe(201);
      return created.json<{ id: string }>().id;
    };

    it('the submitter who is also the unit approver may return but not approve; another approver may', async () => {
      const both = await grant('sod.both', [
        ['unit_filler', ids.unit],
        ['unit_approver', ids.unit],
      ]);
      const id = await draftBy(both, 9001);
      expect((await post(both, id, 'submit')).statusCode).toBe(200);
      refusedAsOwnWork(await post(both, id, 'approve'));
      expect((await post(both, id, 'return')).statusCode).toBe(200);
      expect((await post(both, id, 'submit')).statusCode).toBe(200);
      expect((await post(as('approver'), id, 'approve')).statusCode).toBe(200);
    });

    it('the last editor may not approve what another filler submitted', async () => {
      const both = await grant('sod.editor', [
        ['unit_filler', ids.unit],
        ['unit_approver', ids.unit],
      ]);
      const id = await draftBy(as('filler'), 9002);
      const edited = await testApp.request(both, {
        method: 'PUT',
        url: `/api/evaluations/${id}`,
        payload: { expectedVersion: 2, form: { ...generateForm(9002), fiscalYear: 2023, projectName: '职责分离9002' } },
      });
      expect(edited.statusCode).toBe(200);
      expect((await post(as('filler'), id, 'submit')).statusCode).toBe(200);
      refusedAsOwnWork(await post(both, id, 'approve'));
      expect((await post(as('approver'), id, 'approve')).statusCode).toBe(200);
    });

    it('a 财政局 reviewer who submitted may neither approve at the last stage nor publish', async () => {
      const financeFiller = await grant('sod.finance', [
        ['finance_reviewer', testApp.fixture.organizations.bureau],
        ['unit_filler', ids.unit],
      ]);
      const id = await draftBy(financeFiller, 9003);
      expect((await post(financeFiller, id, 'submit')).statusCode).toBe(200);
      expect((await post(as('approver'), id, 'approve')).statusCode).toBe(200);
      expect((await post(as('department'), id, 'approve')).statusCode).toBe(200);
      refusedAsOwnWork(await post(financeFiller, id, 'approve'));
      expect((await post(as('finance'), id, 'approve')).statusCode).toBe(200);
      refusedAsOwnWork(await post(financeFiller, id, 'publish'));
      expect((await post(as('finance'), id, 'publish')).statusCode).toBe(200);
    });
  });

  it.each(Object.entries(POLICIES))('%s on this unit', (route, policy) => runRoute(route, policy, 'own'));

  it.each(Object.entries(POLICIES).filter(([route]) => isScopedRoute(route)))('%s on another unit', (route, policy) =>
    runRoute(route, policy, 'other'),
  );
});
