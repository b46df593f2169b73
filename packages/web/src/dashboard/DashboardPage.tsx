import { Alert, Card, Col, Row, Select, Space, Statistic, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { api, query } from '../api/client.ts';
import type { EvaluationDetail } from '../api/evaluation-types.ts';
import type { EvaluationView, FindingListItem, Page } from '../api/types.ts';
import { Loading } from '../components/Loading.tsx';
import { useApi } from '../components/useApi.ts';
import { findingsByCode, findingsByDepartment, gradeDistribution } from './dashboard-data.ts';
import { EChart } from './EChart.tsx';

type Point = { id: string; name: string; unit: string; rate: number; score: number };

type DashboardData = { evaluations: EvaluationView[]; findings: FindingListItem[]; points: Point[] };

const MAX_PAGES = 20;

const allPages = async <T,>(url: (page: number) => string): Promise<T[]> => {
  const items: T[] = [];
  for (let page = 1; page <= MAX_PAGES; page++) {
    const result = await api.get<Page<T>>(url(page));
    items.push(...result.items);
    if (items.length >= result.total || result.items.length === 0) break;
  }
  return items;
};

const load = async (year: number | undefined): Promise<DashboardData> => {
  const [evaluations, findings] = await Promise.all([
    allPages<EvaluationView>((page) => `/api/evaluations${query({ year, page, pageSize: 100 })}`),
    allPages<FindingListItem>((page) => `/api/findings${query({ year, page, pageSize: 100 })}`),
  ]);
  // The execution rate is in each evaluation's result; read a few at a time.
  const points: Point[] = [];
  for (let start = 0; start < evaluations.length; start += 6) {
    const batch = await Promise.all(
      evaluations.slice(start, start + 6).map((item) => api.get<EvaluationDetail>(`/api/evaluations/${item.id}`)),
    );
    for (const detail of batch) {
      const rate = detail.result?.execution.rate;
      if (rate !== null && rate !== undefined && detail.totalScore !== null) {
        points.push({
          id: detail.id,
          name: detail.projectName,
          unit: detail.organizationName,
          rate,
          score: detail.totalScore,
        });
      }
    }
  }
  return { evaluations, findings, points };
};

const GRADE_COLORS = ['#15803d', '#1d4ed8', '#d97706', '#b91c1c'];

/** The finance bureau's view across units: grades, execution against score, findings, year against year. */
const DashboardPage = () => {
  const navigate = useNavigate();
  const [year, setYear] = useState<number | undefined>();
  const data = useApi(() => load(year), String(year ?? 'all'));
  const everything = useApi(() => api.get<Page<EvaluationView>>('/api/evaluations?pageSize=100'), 'years');
  const years =
    everything.state === 'ready'
      ? [...new Set(everything.data.items.map((item) => item.fiscalYear))].sort((a, b) => b - a)
      : [];

  const charts = useMemo(() => {
    if (data.state !== 'ready') return null;
    const { evaluations, findings, points } = data.data;
    const grades = gradeDistribution(evaluations);
    const codes = findingsByCode(findings).slice(0, 12);
    const departments = findingsByDepartment(findings, evaluations);
    const byYear = new Map<number, { sum: number; count: number }>();
    for (const item of everything.state === 'ready' ? everything.data.items : []) {
      if (item.totalScore === null) continue;
      const entry = byYear.get(item.fiscalYear) ?? { sum: 0, count: 0 };
      entry.sum += item.totalScore;
      entry.count += 1;
      byYear.set(item.fiscalYear, entry);
    }
    const yearRows = [...byYear.entries()].sort((a, b) => a[0] - b[0]);
    return {
      grades: {
        tooltip: { trigger: 'item' },
        legend: { bottom: 0 },
        series: [
          {
            type: 'pie',
            radius: ['40%', '70%'],
            label: { formatter: '{b}：{c}' },
            data: grades.map((item, index) => ({
              name: item.label,
              value: item.count,
              itemStyle: { color: GRADE_COLORS[index] },
            })),
          },
        ],
      },
      scatter: {
        tooltip: {
          formatter: (params: { data: { name: string; unit: string; value: [number, number] } }) =>
            `${params.data.name}<br/>${params.data.unit}<br/>执行率 ${params.data.value[0]}%，得分 ${params.data.value[1]}`,
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
            data: points.map((point) => ({
              id: point.id,
              name: point.name,
              unit: point.unit,
              value: [point.rate, point.score],
            })),
            markLine: undefined,
          },
        ],
      },
      codes: {
        tooltip: { trigger: 'axis' },
        grid: { left: 180, right: 24, top: 16, bottom: 24 },
        xAxis: { type: 'value', minInterval: 1 },
        yAxis: { type: 'category', inverse: true, data: codes.map((item) => item.title) },
        series: [{ type: 'bar', data: codes.map((item) => item.count), itemStyle: { color: '#1d4ed8' } }],
      },
      departments: {
        tooltip: { trigger: 'axis' },
        grid: { left: 180, right: 24, top: 16, bottom: 24 },
        xAxis: { type: 'value', minInterval: 1 },
        yAxis: { type: 'category', inverse: true, data: departments.map((item) => item.department) },
        series: [{ type: 'bar', data: departments.map((item) => item.count), itemStyle: { color: '#d97706' } }],
      },
      years: {
        tooltip: { trigger: 'axis' },
        grid: { left: 48, right: 24, top: 16, bottom: 32 },
        xAxis: { type: 'category', data: yearRows.map(([value]) => `${value} 年度`) },
        yAxis: { type: 'value', min: 0, max: 100, name: '平均得分' },
        series: [
          {
            type: 'bar',
            data: yearRows.map(([, entry]) => Math.round((entry.sum / entry.count) * 100) / 100),
            itemStyle: { color: '#15803d' },
            label: { show: true, position: 'top' },
          },
        ],
      },
      totals: {
        evaluations: evaluations.length,
        findings: findings.length,
        errors: findings.filter((item) => item.severity === 'error').length,
        lowExecution: points.filter((point) => point.rate < 80).length,
      },
    };
  }, [data, everything]);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <div style={{ display: 'flex', justifyContent: 'space-between', flexWrap: 'wrap', gap: 12 }}>
        <Typography.Title level={2} style={{ margin: 0 }}>
          绩效看板
        </Typography.Title>
        <Select
          aria-label="年度"
          allowClear
          placeholder="全部年度"
          style={{ width: 160 }}
          value={year}
          onChange={(value: number | undefined) => setYear(value)}
          options={years.map((value) => ({ value, label: `${value} 年度` }))}
        />
      </div>
      {data.state === 'error' ? <Alert type="error" showIcon title={data.message} /> : null}
      {data.state === 'loading' || !charts ? (
        <Loading />
      ) : (
        <>
          <Row gutter={[16, 16]}>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic title="自评份数" value={charts.totals.evaluations} />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic title="审核发现" value={charts.totals.findings} />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic title="其中错误" value={charts.totals.errors} styles={{ content: { color: '#b91c1c' } }} />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic title="执行率低于 80%" value={charts.totals.lowExecution} />
              </Card>
            </Col>
          </Row>
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={10}>
              <Card size="small" title="评价等级分布">
                <EChart label="评价等级分布饼图" option={charts.grades} />
              </Card>
            </Col>
            <Col xs={24} lg={14}>
              <Card size="small" title="执行率与复核得分（每点一个项目，点击查看）">
                <EChart
                  label="执行率与得分散点图"
                  option={charts.scatter}
                  onClick={(point) => {
                    if (point && typeof point === 'object' && 'id' in point)
                      navigate(`/app/review/${String(point.id)}`);
                  }}
                />
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card size="small" title="审核发现（按类型）">
                <EChart label="按类型统计的审核发现柱状图" option={charts.codes} height={360} />
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
                <Card size="small" title="审核发现（按主管部门）">
                  <EChart label="按主管部门统计的审核发现柱状图" option={charts.departments} height={160} />
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
