import { useId, useState } from 'react';
import type { PublishedEvaluation } from '../api/types.ts';

type Indicator = PublishedEvaluation['indicators'][number];

export const points = (value: number | null) => (value === null ? '—' : value.toFixed(2));

/**
 * One row of the published indicator table, and its 计分说明 on a row of its own beneath it: an explanation opened
 * inside the narrow 复核得分 cell widened that column to ~600 px and squeezed the others to two characters a line.
 * On paper every explanation prints (print.css).
 */
export const PortalIndicatorRow = ({ row }: { row: Indicator }) => {
  const [open, setOpen] = useState(false);
  const explanationId = useId();
  return (
    <>
      <tr>
        <td className="optional">{row.level1}</td>
        <td className="optional">{row.level2}</td>
        <td>{row.name}</td>
        <td>{row.target}</td>
        <td>{row.actual}</td>
        <td className="number">{points(row.weight)}</td>
        <td className="number">{points(row.statedScore)}</td>
        <td className="number">
          <button
            type="button"
            className="portal-explain-toggle"
            aria-expanded={open}
            aria-controls={explanationId}
            aria-label={`复核得分 ${points(row.score)}，${open ? '收起' : '展开'}计分说明`}
            onClick={() => setOpen(!open)}
          >
            {points(row.score)}
            <span aria-hidden="true" className="portal-explain-caret">
              {open ? '▴' : '▾'}
            </span>
          </button>
        </td>
      </tr>
      <tr id={explanationId} className={open ? 'portal-explain-row open' : 'portal-explain-row'}>
        {/* Under the 三级指标 onwards: a span over the columns a phone hides would add phantom columns there. */}
        <td className="optional" colSpan={2} />
        <td colSpan={6}>
          <span className="portal-explain-name">{row.name}</span>
          {row.ruleName}：{row.explanation}
        </td>
      </tr>
    </>
  );
};
