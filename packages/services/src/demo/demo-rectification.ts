import type { Actor, ServiceContext } from '../context.ts';
import { createRectificationItem } from '../rectification/create-rectification-item.ts';
import { proposeRectificationItems } from '../rectification/propose-rectification-items.ts';
import { stepRectificationItem } from '../rectification/step-rectification-item.ts';

const DAY_MS = 86_400_000;

const dateOf = (instant: Date): string => new Date(instant.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

/**
 * Two 整改 items on the demo's published seed report: its 存在的问题 with the matching 改进措施, which the unit has
 * started, and its low execution, registered by the bureau three months ago and now past its deadline, so the
 * 整改跟踪 page and the dashboard show an overdue item.
 */
export const loadDemoRectification = async (
  ctx: ServiceContext,
  evaluationId: string,
  people: { department: Actor; finance: Actor; filler: Actor },
): Promise<void> => {
  const [proposal] = await proposeRectificationItems(ctx, people.department, evaluationId);
  if (proposal) {
    const item = await createRectificationItem(ctx, people.department, {
      evaluationId,
      sourceKind: 'problem',
      sourceText: proposal.problem,
      description: '生地出让土地使用权收回难、部分单位征收推进难度大，影响项目扫尾及结算',
      measure: proposal.measure,
      deadline: dateOf(new Date(ctx.now().getTime() + 60 * DAY_MS)),
    });
    await stepRectificationItem(ctx, people.filler, {
      itemId: item.id,
      action: 'start',
      progressNote: '已梳理未扫尾项目清单，逐户制定处置方案，需强制执行户已移送法务程序。',
    });
  }
  // Registered 100 days ago with 90 days to act: overdue by ten days today.
  const registeredAt = new Date(ctx.now().getTime() - 100 * DAY_MS);
  await createRectificationItem({ ...ctx, now: () => registeredAt }, people.finance, {
    evaluationId,
    sourceKind: 'finding',
    sourceRef: 'LOW_EXECUTION',
    sourceText: '预算执行率偏低：预算执行率 73.03%，低于 80%',
    description: '预算执行率 73.03%，另有 10 万元已申请支付但未支付，报告“存在的问题”未作说明',
    measure: '清理已申请未支付款项，说明原因并在下年度预算编制中按实际进度安排资金',
    deadline: dateOf(new Date(registeredAt.getTime() + 90 * DAY_MS)),
  });
};
