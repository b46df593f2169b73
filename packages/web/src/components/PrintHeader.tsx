import './print.css';

type Props = { unit: string; project: string; year: number | null };

/** On paper only: whose report this is, above the 自评表 (the screen has its own title and toolbar). */
export const PrintHeader = ({ unit, project, year }: Props) => (
  <header className="print-only print-header">
    <div className="print-header-title">
      {year === null ? '' : `${year} 年度 `}
      {project || '（未命名项目）'} 项目支出绩效自评表
    </div>
    <div className="print-header-unit">单位：{unit || '—'}</div>
  </header>
);
