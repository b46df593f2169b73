import { Alert } from 'antd';
import { lazy, Suspense } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../api/client.ts';
import type { PublishedEvaluation } from '../api/types.ts';
import { DocumentDownloadLink } from '../components/DocumentDownloadLink.tsx';
import { GradeTag } from '../components/GradeTag.tsx';
import { Loading } from '../components/Loading.tsx';
import { PrintHeader } from '../components/PrintHeader.tsx';
import { useApi } from '../components/useApi.ts';
import { toChineseNumber } from './chinese-number.ts';
import { NarrativeBody } from './NarrativeBody.tsx';
import { PortalIndicatorRow, points } from './PortalIndicatorRow.tsx';
import { PortalReconsideration } from './PortalReconsideration.tsx';
import { totalsCheck } from './totals-check.ts';

// The feedback section (its form pulls in antd's Form) loads after the report, in its own chunk.
const PortalFeedback = lazy(() => import('./PortalFeedback.tsx'));

const DOCUMENTS = [
  { kind: 'report.pdf', label: '自评报告（PDF）' },
  { kind: 'report.docx', label: '自评报告（Word）' },
  { kind: 'table.xlsx', label: '自评表（Excel）' },
] as const;

const amount = (value: number | null) => (value === null ? '—' : value.toLocaleString('zh-CN'));

/**
 * One published report: the 自评表 with every point explained, and the narrative. Plain tables (no antd
 * Table) keep a report opened from a link within the portal's first-load budget and readable on a phone.
 */
const PortalReportPage = () => {
  const { id = '' } = useParams();
  const report = useApi(() => api.get<PublishedEvaluation>(`/api/public/evaluations/${id}`), id);
  if (report.state === 'loading') return <Loading />;
  if (report.state === 'error') {
    return (
      <Alert
        type="error"
        showIcon
        title={report.status === 404 ? '该自评不存在或未公开' : report.message}
        action={<Link to="/">返回列表</Link>}
      />
    );
  }
  const data = report.data;
  const weightSum = data.indicators.reduce((sum, row) => sum + Math.round((row.weight ?? 0) * 100), 0) / 100;
  const grade = data.gradeLabel ?? data.grade;
  const totals = totalsCheck(data);
  return (
    <article className="portal-report">
      <PrintHeader unit={data.unit || data.implementingUnit} project={data.projectName} year={data.year} />
      <Link to="/" className="no-print">
        ← 返回公开列表
      </Link>
      <h2 className="portal-report-title">
        {data.year ? `${data.year} 年度` : ''}
        {data.projectName} 绩效自评
      </h2>
      <dl className="portal-facts">
        <div>
          <dt>实施单位</dt>
          <dd>{data.unit || data.implementingUnit}</dd>
        </div>
        <div>
          <dt>主管部门</dt>
          <dd>
            {data.department || '—'}
            {data.departmentDiffers ? (
              <span className="portal-stated-note">报告填写为：{data.statedDepartment}</span>
            ) : null}
          </dd>
        </div>
        <div>
          <dt>自评得分</dt>
          <dd>
            <strong>{points(data.totalScore)} 分</strong> <GradeTag grade={grade} />
            {data.reconsideration ? <span className="portal-reconsidered-mark">（经复议）</span> : null}
          </dd>
        </div>
        <div>
          <dt>预算执行率</dt>
          <dd>{data.executionRate === null ? '—' : `${data.executionRate}%`}</dd>
        </div>
        <div>
          <dt>公开时间</dt>
          <dd>{new Date(data.publishedAt).toLocaleDateString('zh-CN')}</dd>
        </div>
      </dl>
      <PortalReconsideration reconsideration={data.reconsideration} />
      <p className="portal-downloads no-print">
        <button type="button" className="portal-button" onClick={() => window.print()}>
          打印
        </button>
        {DOCUMENTS.map((document) => (
          <DocumentDownloadLink
            key={document.kind}
            className="portal-button"
            href={`/api/public/evaluations/${data.id}/documents/${document.kind}`}
            label={document.label}
          />
        ))}
      </p>

      <section className="portal-card" aria-labelledby="table-title">
        <h3 id="table-title">项目支出绩效自评表</h3>
        <div className="portal-table-wrap">
          <table className="portal-table">
            <caption className="skip-link">项目资金（{data.funds.unit}）</caption>
            <thead>
              <tr>
                <th scope="col" className="number">
                  年初预算数（{data.funds.unit}）
                </th>
                <th scope="col" className="number">
                  全年预算数（{data.funds.unit}）
                </th>
                <th scope="col" className="number">
                  全年执行数（{data.funds.unit}）
                </th>
                <th scope="col" className="number">
                  执行率
                </th>
                <th scope="col" className="number">
                  预算执行得分
                </th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <td className="number">{amount(data.funds.initialBudget)}</td>
                <td className="number">{amount(data.funds.adjustedBudget)}</td>
                <td className="number">{amount(data.funds.executed)}</td>
                <td className="number">{data.executionRate === null ? '—' : `${data.executionRate}%`}</td>
                <td className="number">{points(data.executionScore)}</td>
              </tr>
            </tbody>
          </table>
        </div>
        <p className="portal-note">{data.executionExplanation}</p>
        <dl className="portal-goals">
          <dt>年度总体目标</dt>
          <dd className="narrative-body">{data.annualGoal.expected || '—'}</dd>
          <dt>实际完成情况</dt>
          <dd className="narrative-body">{data.annualGoal.actual || '—'}</dd>
        </dl>
        <div className="portal-table-wrap">
          <table className="portal-table portal-indicators">
            <caption className="skip-link">绩效指标</caption>
            <thead>
              <tr>
                <th scope="col" className="optional">
                  一级指标
                </th>
                <th scope="col" className="optional">
                  二级指标
                </th>
                <th scope="col">三级指标</th>
                <th scope="col">年度指标值</th>
                <th scope="col">实际完成值</th>
                <th scope="col" className="number">
                  分值
                </th>
                <th scope="col" className="number">
                  得分
                </th>
                <th scope="col" className="number">
                  复核得分
                </th>
              </tr>
            </thead>
            <tbody>
              {data.indicators.map((row, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: rows of a published table never move
                <PortalIndicatorRow key={index} row={row} />
              ))}
            </tbody>
            <tfoot>
              <tr>
                {/* One label per layout: a span over the columns a phone hides would add phantom columns. */}
                <th scope="row" colSpan={5} className="optional">
                  总分（含预算执行 {points(data.executionScore)} 分）
                </th>
                <th scope="row" colSpan={3} className="phone-only">
                  总分（含预算执行 {points(data.executionScore)} 分）
                </th>
                <td className="number">{points(weightSum)}</td>
                <td className="number">
                  {points(data.statedTotal)}
                  {totals.differsFromRecomputed ? (
                    <span className="portal-mark" title={totals.explanation ?? undefined}>
                      与复核不一致
                    </span>
                  ) : null}
                  {totals.differsFromRowSum ? (
                    <span className="portal-mark" title={totals.explanation ?? undefined}>
                      与各项合计不一致
                    </span>
                  ) : null}
                </td>
                <td className="number">
                  <strong>{points(data.totalScore)}</strong> <GradeTag grade={grade} />
                </td>
              </tr>
            </tfoot>
          </table>
        </div>
        {totals.explanation ? <p className="portal-note portal-total-check">总分核对：{totals.explanation}。</p> : null}
        <p className="portal-note">
          “得分”为单位自评填报；“复核得分”为按{data.ruleSetName}评分规则复核的结果，点击复核得分可展开计分说明。
          {data.provisional ? '部分指标无法自动计分，沿用单位填报得分。' : ''}
          {data.cap ? ` ${data.cap}` : ''}
        </p>
      </section>

      <section className="portal-card" aria-labelledby="narrative-title">
        <h3 id="narrative-title">{data.narrative.title || '绩效自评报告'}</h3>
        {data.narrative.sections.length === 0 ? <p className="portal-note">未附自评报告正文。</p> : null}
        {data.narrative.sections.map((section) => (
          <section key={section.number}>
            <h4>
              {toChineseNumber(section.number)}、{section.heading}
            </h4>
            <NarrativeBody body={section.body} />
          </section>
        ))}
      </section>

      {/* On paper, the report: the feedback form and its messages stay on the screen. */}
      <div className="no-print">
        <Suspense fallback={null}>
          <PortalFeedback evaluationId={data.id} />
        </Suspense>
      </div>
    </article>
  );
};

export default PortalReportPage;
