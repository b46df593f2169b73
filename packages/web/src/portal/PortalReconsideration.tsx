import type { PublishedEvaluation } from '../api/types.ts';
import './reconsideration.css';

const points = (value: number | null) => (value === null ? '—' : value.toFixed(2));
const GRADE_WORDS: Record<string, string> = { excellent: '优', good: '良', fair: '中', poor: '差' };
const grade = (value: string | null) => (value === null ? '' : `（${GRADE_WORDS[value] ?? value}）`);

/** 经复议: a ruling on the unit's appeal changed this published result; what it was, what it is, when and why. */
export const PortalReconsideration = ({
  reconsideration,
}: {
  reconsideration: PublishedEvaluation['reconsideration'];
}) => {
  if (!reconsideration) return null;
  return (
    <section className="portal-reconsideration" aria-labelledby="reconsideration-title" data-testid="reconsideration">
      <h3 id="reconsideration-title">经复议</h3>
      <p>
        {reconsideration.amendedScore === null ? (
          '复议撤销了部分审核问题，得分未变。'
        ) : (
          <>
            得分由 {points(reconsideration.originalScore)} 分{grade(reconsideration.originalGrade)}调整为{' '}
            <strong>
              {points(reconsideration.amendedScore)} 分{grade(reconsideration.amendedGrade)}
            </strong>
            。
          </>
        )}
        复议日期：{new Date(reconsideration.ruledAt).toLocaleDateString('zh-CN')}。
      </p>
      {reconsideration.reasonSummary ? <p>复议理由：{reconsideration.reasonSummary}</p> : null}
    </section>
  );
};
