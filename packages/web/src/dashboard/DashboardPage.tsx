import { type DashboardSummary, STATUS_LABELS } from '@jixiao/core';
import { Alert, Card, Col, Row, Select, Space, Statistic } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api, query } from '../api/client.ts';
import { MonitoringOverviewCard } from '../budget-year/MonitoringOverviewCard.tsx';
import { Loading } from '../components/Loading.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { useApi } from '../components/useApi.ts';
import { evaluationsListPath } from '../pages/evaluation-filters.ts';
import type { RectificationCountsView } from '../rectification/rectification-types.ts';
import { CountLinks } from './CountLinks.tsx';
import { html } from './chart-html.ts';
import { linkOf } from './chart-links.ts';
import { EChart } from './EChart.tsx';
import { RectificationCountsCard } from './RectificationCountsCard.tsx';
import { ResultApplicationCard, type WithResultApplication } from './ResultApplicationCard.tsx';

const GRADE_COLORS = ['#15803d', '#1d4ed8', '#d97706', '#b91c1c'];
const MOST_FREQUENT_CODES = 12;

/** Bars whose items may carry the page behind them (chart-links.ts). */
const horizontalBars = (labels: string[], values: { value: number; link?: string }[], color: string) => ({
  tooltip: { trigger: 'axis' },
  grid: { left: 180, right: 24, top: 16, bottom: 24 },
  xAxis: { type: 'value', minInterval: 1 },
  yAxis: { type: 'category', inverse: true, data: labels },
  series: [{ type: 'bar', data: values, itemStyle: { color } }],
});

/** The evaluations behind each count, in the year the dashboard shows. */
const linksOf = (summary: DashboardSummary) => {
  const year = summary.fiscalYear ?? undefined;
  const inYear = year === undefined ? {} : { year };
  return {
    evaluations: evaluationsListPath(inYear),
    lowExecution: evaluationsListPath({ ...inYear, lowExecution: true }),
    // Bars and links count evaluations with the finding, which is what the list behind them shows.
    codes: summary.findings.byCode.slice(0, MOST_FREQUENT_CODES).map((item) => ({
      label: item.title,
      count: item.evaluations,
      findings: item.count,
      link: evaluationsListPath({ ...inYear, finding: item.code }),
    })),
    statuses: summary.byStatus
      .filter((item) => item.count > 0)
      .map((item) => ({
        label: STATUS_LABELS[item.status],
        count: item.count,
        link: evaluationsListPath({ ...inYear, status: item.status }),
      })),
    grades: summary.grades.map((item) => ({
      label: item.label,
      count: item.count,
      link: evaluationsListPath({ ...inYear, grade: item.grade }),
    })),
    departments: summary.findings.byDepartment.map((item) =>
      item.departmentId === null ? {} : { link: evaluationsListPath({ ...inYear, departmentId: item.departmentId }) },
    ),
  };
};

const chartsOf = (summary: DashboardSummary, links: ReturnType<typeof linksOf>) => {
  return {
    grades: {
      tooltip: { trigger: 'item' },
      legend: { bottom: 0 },
      series: [
        {
          type: 'pie',
          radius: ['40%', '70%'],
          label: { formatter: '{b}：{c}' },
          data: links.grades.map((item, index) => ({
            name: item.label,
            value: item.count,
            link: item.link,
            itemStyle: { color: GRADE_COLORS[index] },
          })),
        },
      ],
    },
    scatter: {
      tooltip: {
        formatter: (params: { data: { name: string; unit: string; value: [number, number] } }) =>
          html`${params.data.name}<br/>${params.data.unit}<br/>执行率 ${params.data.value[0]}%，得分 ${params.data.value[1]}`,
      },
      grid: { left: 48, right: 24, top: 24, bottom: 48 },
      xAxis: {
        name: '执行率（%）',
        nameLocation: 'middle',
        nameGap: 28,
        min: 0,
        max: (v: { max: number }) => Math.max(100, Math.ceil(v.max)),
      },
      yAxis: { name: '复核得分', min: 0, max: 100 },
      series: [
        {
          type: 'scatter',
          symbolSize: 14,
          // 90% spent and 90 points: a 优 on money not spent sits right of the one and above the other.
          markLine: {
            silent: true,
            symbol: 'none',
            lineStyle: { type: 'dashed', color: '#9ca3af' },
            label: { formatter: '{b}', color: '#6b7280' },
            data: [
              { xAxis: 90, name: '执行率 90%' },
              { yAxis: 90, name: '90 分（优）' },
            ],
          },
          // Every point is a submitted evaluation, which the dashboard's reviewers open on the review page.
          data: summary.points.map((point) => ({
            link: `/app/review/${point.id}`,
            name: point.projectName,
            unit: point.organizationName,
            value: [point.executionRate, point.totalScore],
          })),
        },
      ],
    },
    statuses: horizontalBars(
      links.statuses.map((item) => item.label),
      links.statuses.map((item) => ({ value: item.count, link: item.link })),
      '#0f766e',
    ),
    codes: {
      ...horizontalBars(
        links.codes.map((item) => item.label),
        links.codes.map((item) => ({ value: item.count, findings: item.findings, link: item.link })),
        '#1d4ed8',
      ),
      tooltip: {
        formatter: (params: { name: string; value: number; data: { findings: number } }) =>
          html`${params.name}<br/>${params.value} 份自评，共 ${params.data.findings} 条发现`,
      },
    },
    departments: horizontalBars(
      summary.findings.byDepartment.map((item) => item.department),
      summary.findings.byDepartment.map((item, index) => ({ value: item.count, ...links.departments[index] })),
      '#d97706',
    ),
    years: {
      tooltip: { trigger: 'axis' },
      grid: { left: 48, right: 24, top: 16, bottom: 32 },
      xAxis: { type: 'category', data: summary.scoreByYear.map((item) => `${item.fiscalYear} 年度`) },
      yAxis: { type: 'value', min: 0, max: 100, name: '平均得分' },
      series: [
        {
          type: 'bar',
          data: summary.scoreByYear.map((item) => item.averageScore),
          itemStyle: { color: '#15803d' },
          label: { show: true, position: 'top' },
        },
      ],
    },
  };
};

/**
 * The finance bureau's view across units: workflow progress, grades, execution against score, findings,
 * year against year. The server aggregates (GET /api/analysis/dashboard); the page only draws. Every count of
 * evaluations leads to the list of them (a point to its review), and the year stays in the URL so that coming
 * back from the list shows the same year.
 */
const DashboardPage = () => {
  const navigate = useNavigate();
  const [searchParams, setSearchParams] = useSearchParams();
  const yearParam = Number(searchParams.get('year') ?? '');
  const year = Number.isInteger(yearParam) && yearParam > 0 ? yearParam : undefined;
  const setYear = (value: number | undefined) => setSearchParams(query({ year: value }));
  const data = useApi(
    () =>
      api.get<DashboardSummary & WithResultApplication & { rectifications: RectificationCountsView }>(
        `/api/analysis/dashboard${query({ year })}`,
      ),
    String(year ?? 'all'),
  );
  const [years, setYears] = useState<number[]>([]);
  const summary = data.state === 'ready' ? data.data : null;
  // The year filter keeps its choices while another year's summary loads.
  if (summary && summary.years.join() !== years.join()) setYears(summary.years);
  const links = useMemo(() => (summary ? linksOf(summary) : null), [summary]);
  const charts = useMemo(() => (summary && links ? chartsOf(summary, links) : null), [summary, links]);
  const follow = (item: unknown) => {
    const link = linkOf(item);
    if (link) navigate(link);
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <PageHeader title="绩效看板">
        <Select
          aria-label="年度"
          allowClear
          placeholder="全部年度"
          style={{ width: 160 }}
          value={year}
          onChange={(value: number | undefined) => setYear(value)}
          options={years.map((value) => ({ value, label: `${value} 年度` }))}
        />
      </PageHeader>
      {data.state === 'error' ? (
        <Alert type="error" showIcon title={data.message} />
      ) : !summary || !links || !charts ? (
        <Loading />
      ) : (
        <>
          <Row gutter={[16, 16]}>
            <Col xs={12} md={6}>
              <Link to={links.evaluations} aria-label={`自评份数 ${summary.evaluations}，查看列表`}>
                <Card size="small" hoverable>
                  <Statistic
                    title="自评份数"
                    value={summary.evaluations}
                    suffix={<span style={{ fontSize: 13, color: '#6b7280' }}>已送审 {summary.results}</span>}
                  />
                </Card>
              </Link>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic title="审核发现" value={summary.findings.total} />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic
                  title="其中错误"
                  value={summary.findings.errors}
                  styles={{ content: { color: '#b91c1c' } }}
                />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Link to={links.lowExecution} aria-label={`执行率偏低 ${summary.lowExecution} 份，查看列表`}>
                <Card size="small" hoverable>
                  <Statistic title="执行率偏低" value={summary.lowExecution} />
                </Card>
              </Link>
            </Col>
          </Row>
          <RectificationCountsCard counts={summary.rectifications} />
          <MonitoringOverviewCard year={year ?? new Date().getFullYear()} />
          {summary.resultApplication ? <ResultApplicationCard summary={summary.resultApplication} /> : null}
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={10}>
              <Card size="small" title="评价等级分布（已送审的自评，点击查看）">
                <EChart label="评价等级分布饼图" option={charts.grades} onClick={follow} />
                <CountLinks label="按等级查看自评" items={links.grades} />
              </Card>
            </Col>
            <Col xs={24} lg={14}>
              <Card size="small" title="执行率与复核得分（每点一个项目，点击查看）">
                <EChart label="执行率与得分散点图" option={charts.scatter} onClick={follow} />
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
                <Card size="small" title="流程进度（点击查看）">
                  <EChart label="各状态自评份数柱状图" option={charts.statuses} height={160} onClick={follow} />
                  <CountLinks label="按状态查看自评" items={links.statuses} />
                </Card>
                <Card size="small" title="审核发现（按类型：有该发现的已送审自评份数，点击查看）">
                  <EChart label="按类型统计的审核发现柱状图" option={charts.codes} height={360} onClick={follow} />
                  <CountLinks label="按审核发现查看自评" items={links.codes} />
                </Card>
              </Space>
            </Col>
            <Col xs={24} lg={12}>
              <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
                <Card size="small" title="审核发现（按主管部门，点击查看该部门的自评）">
                  <EChart
                    label="按主管部门统计的审核发现柱状图"
                    option={charts.departments}
                    height={160}
                    onClick={follow}
                  />
                </Card>
                <Card size="small" title="各年度平均得分">
                  <EChart label="各年度平均得分柱状图" option={charts.years} height={160} />
                </Card>
              </Space>
            </Col>
          </Row>
        </>
      )}
    </Space>
  );
};

export default DashboardPage;
