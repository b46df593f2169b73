/** The three totals the score panel names; null where a wrong cell keeps a figure from being computed. */
export type Totals = { engineTotal: number | null; checkTotal: number | null; statedTotal: number | null };

const cents = (value: number): number => Math.round(value * 100);
const points = (hundredths: number): string => (hundredths / 100).toFixed(2);

/**
 * Sentences that say what each total is and how they relate, so "95.79 分" beside "复核合计 97.30" is not read as
 * a contradiction: 复核合计 adds the unit's own indicator scores (it checks the unit's sum), the 复核得分 rescores
 * every indicator under the rules.
 */
export const scoreReconciliation = ({ engineTotal, checkTotal, statedTotal }: Totals): string[] => {
  const lines: string[] = [];
  if (checkTotal === null) {
    lines.push('复核合计（执行得分 + 各指标填报得分）：—，有得分填写有误。');
  } else {
    const sumCheck =
      statedTotal === null
        ? '未填报总分'
        : cents(statedTotal) === cents(checkTotal)
          ? '与填报总分一致'
          : `与填报总分 ${statedTotal.toFixed(2)} 不符`;
    lines.push(`复核合计（执行得分 + 各指标填报得分）${points(cents(checkTotal))}，${sumCheck}。`);
  }
  if (engineTotal !== null && checkTotal !== null) {
    const gap = cents(engineTotal) - cents(checkTotal);
    lines.push(
      gap === 0
        ? `复核得分 ${points(cents(engineTotal))} 分按规则重新计算每项指标，与复核合计相同。`
        : `复核得分 ${points(cents(engineTotal))} 分按规则重新计算每项指标，比复核合计${gap < 0 ? '低' : '高'} ${points(Math.abs(gap))} 分，差别见各指标的“复核”。`,
    );
  }
  return lines;
};
