import { type EvaluationForm, generateForm } from '@jixiao/core';
import { fileAppeal } from '../appeals/file-appeal.ts';
import { ruleAppeal } from '../appeals/rule-appeal.ts';
import type { Actor, ServiceContext } from '../context.ts';
import { approveEvaluation } from '../evaluations/approve-evaluation.ts';
import { createDraft } from '../evaluations/create-draft.ts';
import { publishEvaluation } from '../evaluations/publish-evaluation.ts';
import { returnEvaluation } from '../evaluations/return-evaluation.ts';
import { submitEvaluation } from '../evaluations/submit-evaluation.ts';
import { attachIndicatorEvidence } from '../evidence/attach-indicator-evidence.ts';

const text = (value: string): Uint8Array => new TextEncoder().encode(value);

/** The demo project the bureau returned and the unit has not appealed yet. */
export const DEMO_APPEALABLE_PROJECT = '老旧房屋安全排查项目';

export type DemoAppealActors = {
  filler: Actor;
  approver: Actor;
  department: Actor;
  /** caizheng.reviewer: decides the return. */
  finance: Actor;
  /** caizheng2: the other finance reviewer, who rules on the appeal. */
  secondFinance: Actor;
};

/**
 * A 2023 project of the seed unit with 佐证材料 on its first indicator, returned by the bureau, appealed by the
 * unit with a file, amended by the bureau's second reviewer (so approved at the amended score) and published
 * with 经复议; and one the bureau returned that the unit may still appeal. The 申诉复议 page, the appeal panel, the
 * portal and the evidence controls show something, and the appeals and evidence tables hold rows.
 */
export const loadDemoAppeals = async (
  ctx: ServiceContext,
  { organizationId, unitName }: { organizationId: string; unitName: string },
  actors: DemoAppealActors,
): Promise<void> => {
  const generated = generateForm(2024);
  const form: EvaluationForm = {
    ...generated,
    fiscalYear: 2023,
    projectName: '房屋征收档案数字化项目',
    department: unitName,
    implementingUnit: unitName,
  };
  const draft = await createDraft(ctx, actors.filler, { organizationId, form });
  const evaluationId = draft.id;
  const indicatorName = form.indicators[0]?.name ?? '';
  if (indicatorName !== '') {
    await attachIndicatorEvidence(ctx, actors.filler, {
      evaluationId,
      indicatorName,
      fileName: `${indicatorName}-验收记录.txt`,
      bytes: text(`${indicatorName}：验收记录\n验收日期：2023年12月20日\n验收结论：已完成年度目标。\n`),
    });
  }
  await submitEvaluation(ctx, actors.filler, { evaluationId });
  await approveEvaluation(ctx, actors.approver, { evaluationId });
  await approveEvaluation(ctx, actors.department, { evaluationId });
  await returnEvaluation(ctx, actors.finance, {
    evaluationId,
    reason: '满意度指标缺少调查问卷等佐证材料，实际完成值依据不足。',
  });
  const appeal = await fileAppeal(ctx, actors.filler, {
    evaluationId,
    reasons: '满意度调查已于 2023 年 12 月完成，问卷汇总表作为申诉材料附后，请予复核。',
    files: [
      { fileName: '满意度调查问卷汇总.txt', bytes: text('发放问卷 200 份，回收 192 份，满意及基本满意 181 份。\n') },
    ],
  });
  await ruleAppeal(ctx, actors.secondFinance, {
    appealId: appeal.id,
    outcome: 'amended',
    reason: '申诉材料证明满意度调查已完成，满意度指标按实际完成值计分，得分相应调整。',
    amendedScore: 89.2,
  });
  // The ruling overturned the return; published, the portal shows it 经复议.
  await publishEvaluation(ctx, actors.finance, { evaluationId });
  // A return the unit may still appeal (within the default 15 days): what the 申诉 button is shown on.
  const awaiting = await createDraft(ctx, actors.filler, {
    organizationId,
    form: {
      ...generateForm(2025),
      fiscalYear: 2023,
      projectName: DEMO_APPEALABLE_PROJECT,
      department: unitName,
      implementingUnit: unitName,
    },
  });
  await submitEvaluation(ctx, actors.filler, { evaluationId: awaiting.id });
  await approveEvaluation(ctx, actors.approver, { evaluationId: awaiting.id });
  await approveEvaluation(ctx, actors.department, { evaluationId: awaiting.id });
  await returnEvaluation(ctx, actors.finance, {
    evaluationId: awaiting.id,
    reason: '产出指标“完成排查户数”实际完成值与附表不一致，请核实后重新报送。',
  });
};
