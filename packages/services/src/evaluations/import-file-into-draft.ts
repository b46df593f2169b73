import { randomUUID } from 'node:crypto';
import { AppError, checkUnitIdentity } from '@jixiao/core';
import { findEvaluationById, insertAttachment, sha256Hex } from '@jixiao/db';
import {
  detectMediaType,
  type ImportedReport,
  type ImportWarning,
  notASelfEvaluation,
  readReport,
} from '@jixiao/ingest';
import { loadOrganizationTree, requireOrganization, requireRoleOn } from '../access/organization-scope.ts';
import type { Actor, ServiceContext } from '../context.ts';
import { createDraftIn } from './create-draft.ts';
import type { EvaluationView } from './evaluation-view.ts';
import { updateDraftIn } from './update-draft.ts';

export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

export type ImportFileInput = {
  organizationId: string;
  fileName: string;
  bytes: Uint8Array;
  ruleSetId?: string | undefined;
  /** Re-import into an existing draft instead of creating one. */
  into?: { evaluationId: string; expectedVersion: number } | undefined;
  /** The unit has seen that the file names another unit or department and files it here all the same. */
  confirmUnitMismatch?: boolean | undefined;
};

export type ImportFileOutput = {
  evaluation: EvaluationView;
  warnings: ImportWarning[];
  attachmentId: string;
  /** Drafts made from the file's further forms (a department's disclosure holds one 自评表 per project). */
  additional: { evaluation: EvaluationView; warnings: ImportWarning[] }[];
};

/** The file's self-evaluations; the other kinds it holds become warnings, and a file of none is refused. */
const selfEvaluationsOf = (reports: readonly ImportedReport[], fileName: string) => {
  const accepted: ImportedReport[] = [];
  const skipped: ImportWarning[] = [];
  reports.forEach((report, index) => {
    const refusal = notASelfEvaluation(report, fileName);
    if (!refusal) accepted.push(report);
    else skipped.push({ code: refusal.code, message: refusal.message, where: `${fileName}：第 ${index + 1} 张表` });
  });
  const [first] = reports;
  if (accepted.length === 0 && first) throw notASelfEvaluation(first, fileName) ?? new AppError('NO_INDICATORS');
  return { accepted, skipped };
};

/**
 * Refuses, until the unit confirms, a file with a form whose stated names are all another unit's and department's
 * (another city's report would otherwise land in this unit without a word); the answer says what the file states.
 */
const assertFileIsTheUnits = async (
  ctx: ServiceContext,
  actor: Actor,
  organizationId: string,
  reports: readonly ImportedReport[],
): Promise<void> => {
  const tree = await loadOrganizationTree(ctx.db);
  // Whoever may not file in this unit is refused as such first, before being told anything about it.
  const unit = requireOrganization(tree, organizationId);
  requireRoleOn(actor, tree, unit.id, 'unit_filler');
  const department = unit.parent_id ? tree.byId.get(unit.parent_id) : undefined;
  const identity = { unitName: unit.name, departmentName: department?.name ?? null };
  const differing = reports.flatMap((report) => {
    const check = checkUnitIdentity(report.form, identity);
    return check.kind === 'differs' ? [{ projectName: report.form.projectName, ...check }] : [];
  });
  const [first] = differing;
  if (!first) return;
  const stated = [
    first.statedUnit && `实施单位“${first.statedUnit}”`,
    first.statedDepartment && `主管部门“${first.statedDepartment}”`,
  ]
    .filter(Boolean)
    .join('、');
  throw new AppError(
    'IMPORT_UNIT_MISMATCH',
    `文件中的${stated}与您的单位“${identity.unitName}”${identity.departmentName ? `（主管部门“${identity.departmentName}”）` : ''}不符。请确认这是本单位的自评表后再导入。`,
    {
      context: {
        unitName: identity.unitName,
        departmentName: identity.departmentName,
        forms: differing.map(({ projectName, statedUnit, statedDepartment }) => ({
          projectName,
          statedUnit,
          statedDepartment,
        })),
      },
    },
  );
};

/**
 * Reads a report file (text, markdown, docx, xlsx, json …) into a draft and keeps the original file as an
 * attachment; each further self-evaluation in the file becomes a draft of its own (a re-import into an
 * existing draft takes the first and says how many it left). A file that cannot be read changes nothing, and
 * neither does one that holds no self-evaluation (a 绩效目标申报表 is refused as NOT_A_SELF_EVALUATION).
 */
export const importFileIntoDraft = async (
  ctx: ServiceContext,
  actor: Actor,
  input: ImportFileInput,
): Promise<ImportFileOutput> => {
  if (input.bytes.byteLength > MAX_IMPORT_BYTES)
    throw new AppError('FILE_TOO_LARGE', `文件超过 ${MAX_IMPORT_BYTES / 1024 / 1024} MB`);
  // In the server, on an upload worker thread: a hostile file never holds up the main one.
  const imported = await (ctx.uploads?.readReport ?? readReport)({ bytes: input.bytes, fileName: input.fileName });
  if (!imported.ok) throw imported.error;
  const { accepted, skipped } = selfEvaluationsOf(imported.reports, input.fileName);
  const [first, ...rest] = accepted;
  if (!first) throw new AppError('NO_INDICATORS');
  if (!input.confirmUnitMismatch) await assertFileIsTheUnits(ctx, actor, input.organizationId, accepted);
  const further = input.into ? [] : rest;
  const notes: ImportWarning[] = [...skipped];
  if (accepted.length > 1) {
    notes.push({
      code: input.into ? 'FURTHER_FORMS_NOT_IMPORTED' : 'SEVERAL_FORMS',
      message: input.into
        ? `文件中有 ${accepted.length} 张自评表，本草稿只导入了第一张“${first.form.projectName}”`
        : `文件中有 ${accepted.length} 张自评表，已分别建立草稿：${accepted.map((report) => `“${report.form.projectName || '未命名项目'}”`).join('、')}`,
      where: input.fileName,
    });
  }
  return ctx.db.transaction().execute(async (trx) => {
    if (input.into) {
      // The identity check above was made against organizationId: the draft imported into must be that unit's.
      const target = await findEvaluationById(trx, input.into.evaluationId);
      if (target && target.organization_id !== input.organizationId)
        throw new AppError('VALIDATION_FAILED', '要导入的草稿不属于所选单位');
    }
    const source = { kind: 'import', fileName: input.fileName } as const;
    const attach = async (evaluation: EvaluationView) =>
      insertAttachment(trx, {
        id: randomUUID(),
        organization_id: evaluation.organizationId,
        evaluation_id: evaluation.id,
        file_name: input.fileName,
        // What the bytes are, never what the uploader declared: a declared text/javascript made the file a script.
        media_type: detectMediaType(input.bytes),
        size_bytes: input.bytes.byteLength,
        sha256: sha256Hex(input.bytes),
        bytes: input.bytes,
        created_by: actor.userId,
        created_at: ctx.now(),
      });
    const create = (form: ImportedReport['form']) =>
      createDraftIn(
        ctx,
        trx,
        actor,
        { organizationId: input.organizationId, form, ruleSetId: input.ruleSetId },
        source,
      );
    const evaluation = input.into
      ? await updateDraftIn(ctx, trx, actor, { ...input.into, form: first.form }, source)
      : await create(first.form);
    const attachment = await attach(evaluation);
    const additional: ImportFileOutput['additional'] = [];
    for (const report of further) {
      const view = await create(report.form);
      await attach(view);
      additional.push({ evaluation: view, warnings: report.warnings });
    }
    return { evaluation, warnings: [...first.warnings, ...notes], attachmentId: attachment.id, additional };
  });
};
