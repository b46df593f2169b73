import { randomUUID } from 'node:crypto';
import type { Db } from '../src/connect.ts';
import { insertAppeal } from '../src/repositories/appeals.repository.ts';
import { insertAttachment } from '../src/repositories/attachments.repository.ts';
import { appendAuditEntry } from '../src/repositories/audit-log.repository.ts';
import { insertBulkAuditJob } from '../src/repositories/bulk-audit-jobs.repository.ts';
import { insertEvaluation, updateEvaluationIfVersion } from '../src/repositories/evaluations.repository.ts';
import { insertEvidenceFile } from '../src/repositories/evidence.repository.ts';
import { insertOrganization } from '../src/repositories/organizations.repository.ts';
import { appendPasswordHistory } from '../src/repositories/password-history.repository.ts';
import { insertProject } from '../src/repositories/projects.repository.ts';
import { insertPublicFeedback } from '../src/repositories/public-feedback.repository.ts';
import { insertPublication } from '../src/repositories/publications.repository.ts';
import { insertRectificationItem } from '../src/repositories/rectification-items.repository.ts';
import {
  upsertResultApplication,
  upsertResultApplicationPolicy,
} from '../src/repositories/result-applications.repository.ts';
import { insertReview } from '../src/repositories/reviews.repository.ts';
import { insertNextRevision } from '../src/repositories/revisions.repository.ts';
import { insertSession } from '../src/repositories/sessions.repository.ts';
import { grantRole, insertUser } from '../src/repositories/users.repository.ts';

/** A small organisation tree with one evaluation that touches every table; for db-level tests only. */
export const insertSampleRows = async (db: Db) => {
  const now = new Date('2023-03-01T08:00:00.000Z');
  const bureau = await insertOrganization(db, {
    id: randomUUID(),
    parent_id: null,
    kind: 'finance_bureau',
    name: '开福区财政局',
    created_at: now,
  });
  const department = await insertOrganization(db, {
    id: randomUUID(),
    parent_id: bureau.id,
    kind: 'department',
    name: '开福区住房和城乡建设局',
    created_at: now,
  });
  const unit = await insertOrganization(db, {
    id: randomUUID(),
    parent_id: department.id,
    kind: 'budget_unit',
    name: '开福区城市房屋征收和补偿管理办公室',
    created_at: now,
  });
  const user = await insertUser(db, {
    id: randomUUID(),
    username: 'filler',
    display_name: '填报员',
    password_hash: 'x',
    password_changed_at: now,
    created_at: now,
  });
  await grantRole(db, user.id, unit.id, 'unit_filler');
  await appendPasswordHistory(db, user.id, 'x', now);
  await insertSession(db, {
    id: randomUUID(),
    user_id: user.id,
    csrf_token: 'csrf',
    created_at: now,
    last_seen_at: now,
    expires_at: new Date('2099-01-01T00:00:00Z'),
  });
  const project = await insertProject(db, {
    id: randomUUID(),
    organization_id: unit.id,
    name: '征收工作经费',
    fiscal_year: 2022,
    created_at: now,
  });
  const evaluation = await insertEvaluation(db, {
    id: randomUUID(),
    organization_id: unit.id,
    project_id: project.id,
    fiscal_year: 2022,
    project_name: project.name,
    status: 'draft',
    rule_set_id: 'national-2020',
    rule_set_version: '1.0.0',
    created_by: user.id,
    created_at: now,
    updated_at: now,
  });
  const revisionId = randomUUID();
  const revision = await insertNextRevision(
    db,
    {
      id: revisionId,
      organization_id: unit.id,
      evaluation_id: evaluation.id,
      kind: 'submitted',
      form: JSON.stringify({ projectName: '征收工作经费', nested: { a: [1, 2.5, '三'] } }),
      result: JSON.stringify({ totalScore: 92.5 }),
      rule_set: 'national-2020@1.0.0',
      total_score: '92.50',
      grade: 'excellent',
      created_by: user.id,
      created_at: now,
    },
    {
      fundBlocks: [
        {
          id: randomUUID(),
          organization_id: unit.id,
          revision_id: revisionId,
          source: 'total',
          initial_budget_fen: 27_750_000,
          adjusted_budget_fen: 9_007_199_254_740_991,
          executed_fen: null,
        },
      ],
      indicatorResults: [
        {
          id: randomUUID(),
          organization_id: unit.id,
          evaluation_id: evaluation.id,
          revision_id: revisionId,
          row_index: 0,
          name: '入户调查',
          target: '≥95%',
          actual: '100%',
          weight: '5',
          stated_score: '5',
          points: '5',
          basis: 'computed',
          rule: 'QUANT-POS-1',
        },
      ],
    },
  );
  await updateEvaluationIfVersion(db, evaluation.id, 1, { current_revision_id: revision.id, total_score: '92.50' });
  const review = await insertReview(db, {
    id: randomUUID(),
    organization_id: unit.id,
    evaluation_id: evaluation.id,
    revision_id: revision.id,
    stage: 'finance_review',
    decision: 'returned',
    reason: '请补充偏差原因',
    reviewer_id: user.id,
    created_at: now,
  });
  const publication = await insertPublication(db, {
    id: randomUUID(),
    organization_id: unit.id,
    evaluation_id: evaluation.id,
    revision_id: revision.id,
    published_by: user.id,
    published_at: now,
    redactions: '[]',
    document_hashes: '{"docx":"abc"}',
  });
  await insertPublicFeedback(db, {
    id: randomUUID(),
    organization_id: unit.id,
    evaluation_id: evaluation.id,
    publication_id: publication.id,
    body: '<b>补偿款</b>何时到账？',
    contact: '',
    source_hash: 'h'.repeat(43),
    status: 'published',
    reply: '已全部拨付',
    reply_draft: '已全部拨付',
    reply_drafted_by: user.id,
    moderated_by: user.id,
    moderated_at: now,
    created_at: now,
  });
  await upsertResultApplicationPolicy(db, {
    bureau_id: bureau.id,
    fiscal_year: 2022,
    rules: JSON.stringify({ excellent: { decisions: ['keep', 'increase'], increaseMaxPercent: 10 } }),
    appeal_period_days: 20,
    updated_by: user.id,
    updated_at: now,
  });
  await upsertResultApplication(db, {
    id: randomUUID(),
    organization_id: unit.id,
    evaluation_id: evaluation.id,
    fiscal_year: 2022,
    suggestion: '保持或增加不超过 10%',
    decision: 'increase',
    adjustment_percent: '7.50',
    reason: '',
    decided_by: user.id,
    decided_at: now,
  });
  await insertAttachment(db, {
    id: randomUUID(),
    organization_id: unit.id,
    evaluation_id: evaluation.id,
    file_name: '自评表.txt',
    media_type: 'text/plain',
    size_bytes: 4,
    sha256: 'f'.repeat(64),
    bytes: new Uint8Array([0, 1, 254, 255]),
    created_by: user.id,
    created_at: now,
  });
  // An amended appeal against the return, with a file of evidence (and 佐证材料 on an indicator row).
  const appeal = await insertAppeal(db, {
    id: randomUUID(),
    organization_id: unit.id,
    evaluation_id: evaluation.id,
    review_id: review.id,
    reasons: '偏差原因已在报告中说明',
    status: 'amended',
    original_score: '92.50',
    original_grade: 'excellent',
    amended_score: '93.75',
    amended_grade: 'excellent',
    withdrawn_findings: JSON.stringify(['SHORTFALL_WITHOUT_NOTE']),
    filed_by: user.id,
    filed_at: now,
    ruled_by: user.id,
    ruled_at: now,
    ruling_reason: '申诉理由成立',
    ruled_by_sole_reviewer: true,
  });
  // A 整改 item closed with its decision and its evidence; the date column reads back as its text.
  const rectification = await insertRectificationItem(db, {
    id: randomUUID(),
    organization_id: unit.id,
    evaluation_id: evaluation.id,
    fiscal_year: 2022,
    project_name: project.name,
    source_kind: 'problem',
    source_text: '部分单位征收推进难度大',
    description: '项目扫尾及结算滞后',
    measure: '强化调度，年底前完成结算',
    deadline: '2023-06-30',
    status: 'closed',
    progress_note: '结算已完成',
    closing_reason: '材料齐全，同意销号',
    created_by: user.id,
    created_at: now,
    updated_at: now,
    closed_by: user.id,
    closed_at: now,
    cancel_reason: null,
    cancelled_by: null,
    cancelled_at: null,
  });
  for (const subject of [
    { kind: 'appeal', appealId: appeal.id },
    { kind: 'indicator', indicatorName: '入户调查' },
    { kind: 'rectification', rectificationItemId: rectification.id },
  ] as const) {
    await insertEvidenceFile(db, {
      id: randomUUID(),
      organizationId: unit.id,
      evaluationId: evaluation.id,
      subject,
      fileName: '佐证材料.pdf',
      mediaType: 'application/pdf',
      sha256: 'e'.repeat(64),
      bytes: new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d]),
      createdBy: user.id,
      createdAt: now,
    });
  }
  await insertBulkAuditJob(db, {
    id: randomUUID(),
    created_by: user.id,
    file_name: '收到的报告.zip',
    rule_set_id: 'national-2020',
    status: 'failed',
    total: 2,
    error: '服务重启，任务中断，请重新上传',
    created_at: now,
    started_at: now,
    finished_at: now,
  });
  await db.transaction().execute(async (trx) => {
    await appendAuditEntry(trx, {
      organizationId: unit.id,
      actorId: user.id,
      action: 'submit',
      entityType: 'evaluation',
      entityId: evaluation.id,
      fromStatus: 'draft',
      toStatus: 'submitted',
      details: { revisionNo: 1 },
    });
    await appendAuditEntry(trx, {
      organizationId: unit.id,
      actorId: user.id,
      action: 'return',
      entityType: 'evaluation',
      entityId: evaluation.id,
      fromStatus: 'submitted',
      toStatus: 'returned',
      reason: '请补充偏差原因',
    });
  });
  return { bureau, department, unit, user, project, evaluation, revision };
};
