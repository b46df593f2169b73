import type { MonitoredFundCells, MonitoredIndicator, MonitoringReport } from '@jixiao/core';
import { Alert, App, Button, Card, Col, Input, Result, Row, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useParams } from 'react-router';
import type { MonitoringView } from '../api/budget-year-types.ts';
import { api, errorMessage } from '../api/client.ts';
import { base64Of } from '../api/file-base64.ts';
import { Loading } from '../components/Loading.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { useApi } from '../components/useApi.ts';
import { FindingsList } from './FindingsList.tsx';
import { MonitoredIndicatorCard } from './MonitoredIndicatorCard.tsx';
import { percentText } from './monitoring-ops.ts';

const FUND_ROWS = [
  ['total', '年度资金总额'],
  ['currentAppropriation', '其中：财政拨款'],
  ['priorYearCarryover', '上年结转资金'],
  ['other', '其他资金'],
] as const;
type FundRow = (typeof FUND_ROWS)[number][0];

const FUND_COLUMNS = [
  ['budget', '年初预算数'],
  ['executed', '截至监控时点执行数'],
  ['expectedAnnual', '全年预计执行数'],
] as const;

/** 项目支出绩效目标执行监控表: the unit fills a draft and submits it; reviewers read it. */
const MonitoringReportPage = () => {
  const { id = '' } = useParams();
  const { message } = App.useApp();
  const loaded = useApi(() => api.get<MonitoringView>(`/api/monitoring-reports/${id}`), id);
  const [view, setView] = useState<MonitoringView | null>(null);
  const [report, setReport] = useState<MonitoringReport | null>(null);
  const [dirty, setDirty] = useState(false);
  const [busy, setBusy] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);

  // The answer as loaded (a stable reference): `loaded` itself is a new object on every render.
  const answer = loaded.state === 'ready' ? loaded.data : null;
  useEffect(() => {
    if (answer) {
      setView(answer);
      setReport(answer.report);
      setDirty(false);
    }
  }, [answer]);

  if (loaded.state === 'error') return <Result status="error" title="无法打开监控表" subTitle={loaded.message} />;
  if (!view || !report) return <Loading />;

  const readOnly = !view.canEdit;
  const adopt = (next: MonitoringView) => {
    setView(next);
    setReport(next.report);
    setDirty(false);
  };
  const change = (next: MonitoringReport) => {
    setReport(next);
    setDirty(true);
  };
  const setFund = (row: FundRow, column: keyof MonitoredFundCells, value: string) =>
    change({ ...report, funds: { ...report.funds, [row]: { ...report.funds[row], [column]: value } } });
  const setIndicator = (index: number, patch: Partial<MonitoredIndicator>) =>
    change({ ...report, indicators: report.indicators.map((row, at) => (at === index ? { ...row, ...patch } : row)) });

  const save = async (): Promise<boolean> => {
    try {
      adopt(await api.put<MonitoringView>(`/api/monitoring-reports/${view.id}`, { report, version: view.version }));
      return true;
    } catch (error) {
      message.error(`保存失败：${errorMessage(error)}`);
      return false;
    }
  };
  const submit = async () => {
    setBusy(true);
    try {
      if (dirty && !(await save())) return;
      adopt(await api.post<MonitoringView>(`/api/monitoring-reports/${view.id}/submit`, {}));
      message.success('已提交监控报告');
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };
  const importFile = async (file: File) => {
    setBusy(true);
    try {
      const contentBase64 = await base64Of(file);
      adopt(
        await api.post<MonitoringView>(`/api/monitoring-reports/${view.id}/import`, {
          fileName: file.name,
          contentBase64,
        }),
      );
      message.success(`已从“${file.name}”导入，请核对后提交`);
    } catch (error) {
      message.error(`导入失败：${errorMessage(error)}`);
    } finally {
      setBusy(false);
      if (fileInput.current) fileInput.current.value = '';
    }
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <PageHeader title={`运行监控 · ${view.projectName}`}>
        <Space wrap>
          {view.canEdit ? (
            <>
              <Button
                disabled={!dirty}
                loading={busy}
                onClick={() => void save().then((ok) => ok && message.success('已保存'))}
              >
                保存
              </Button>
              <Button loading={busy} onClick={() => fileInput.current?.click()}>
                从文件导入
              </Button>
              <input
                ref={fileInput}
                type="file"
                accept=".xlsx,.xls,.docx"
                aria-label="选择要导入的监控表"
                style={{ display: 'none' }}
                onChange={(event) => {
                  const file = event.target.files?.[0];
                  if (file) void importFile(file);
                }}
              />
            </>
          ) : null}
          {view.canSubmit ? (
            <Button type="primary" loading={busy} onClick={() => void submit()}>
              提交
            </Button>
          ) : null}
          <Button href={`/api/monitoring-reports/${view.id}/document.xlsx`}>下载 Excel</Button>
          <Button href={`/api/monitoring-reports/${view.id}/document.pdf`}>下载 PDF</Button>
        </Space>
      </PageHeader>
      <Space wrap>
        <Tag color={view.status === 'submitted' ? 'success' : 'default'}>{view.statusLabel}</Tag>
        {view.status === 'submitted' ? (
          view.behindSchedule ? (
            <Tag color="error">执行滞后</Tag>
          ) : (
            <Tag color="success">进度正常</Tag>
          )
        ) : null}
        <Typography.Text type="secondary">
          {view.organizationName} · 监控时点 {view.asOf} · 执行率 {percentText(view.executionRate)} · 时间进度{' '}
          {percentText(view.timeShare)}
        </Typography.Text>
      </Space>
      {dirty ? <Alert type="warning" showIcon title="有未保存的修改" /> : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <Card size="small" title={`预算执行（单位：${report.funds.unit}）`}>
              <Table
                rowKey="key"
                size="small"
                pagination={false}
                scroll={{ x: 560 }}
                dataSource={FUND_ROWS.map(([key, label]) => ({ key, label }))}
                columns={[
                  { title: '资金来源', dataIndex: 'label', width: 130 },
                  ...FUND_COLUMNS.map(([column, title]) => ({
                    title,
                    key: column,
                    render: (_: unknown, row: { key: FundRow; label: string }) =>
                      readOnly ? (
                        report.funds[row.key][column] || '—'
                      ) : (
                        <Input
                          aria-label={`${row.label}${title}`}
                          inputMode="decimal"
                          value={report.funds[row.key][column]}
                          onChange={(event) => setFund(row.key, column, event.target.value)}
                        />
                      ),
                  })),
                ]}
              />
            </Card>
            <Card size="small" title="总体目标完成情况">
              <Typography.Paragraph type="secondary" style={{ whiteSpace: 'pre-wrap' }}>
                年度总体目标：{report.annualGoal || '—'}
              </Typography.Paragraph>
              {readOnly ? (
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
                  {report.goalProgress || '—'}
                </Typography.Paragraph>
              ) : (
                <Input.TextArea
                  aria-label="总体目标完成情况"
                  rows={3}
                  value={report.goalProgress}
                  onChange={(event) => change({ ...report, goalProgress: event.target.value })}
                />
              )}
            </Card>
            <Card size="small" title="绩效指标完成情况">
              <Space orientation="vertical" style={{ width: '100%' }}>
                {report.indicators.map((row, index) => (
                  <MonitoredIndicatorCard
                    // biome-ignore lint/suspicious/noArrayIndexKey: the rows are the declaration's, never reordered here
                    key={index}
                    row={row}
                    index={index}
                    readOnly={readOnly}
                    onChange={(patch) => setIndicator(index, patch)}
                  />
                ))}
              </Space>
            </Card>
            <Card size="small" title="纠偏措施">
              {readOnly ? (
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
                  {report.measures || '—'}
                </Typography.Paragraph>
              ) : (
                <Input.TextArea
                  aria-label="项目纠偏措施"
                  rows={3}
                  value={report.measures}
                  onChange={(event) => change({ ...report, measures: event.target.value })}
                />
              )}
            </Card>
          </Space>
        </Col>
        <Col xs={24} xl={8}>
          <Card size="small" title="监控发现" id="monitoring-findings">
            {dirty ? <Typography.Paragraph type="secondary">保存后重新检查。</Typography.Paragraph> : null}
            <FindingsList findings={view.findings} empty="未发现执行偏差" />
          </Card>
        </Col>
      </Row>
    </Space>
  );
};

export default MonitoringReportPage;
