import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Form,
  Input,
  InputNumber,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type {
  DeclarationListItem,
  MonitoringListItem,
  MonitoringRoundView,
  MonitoringView,
} from '../api/budget-year-types.ts';
import { api, errorMessage, query } from '../api/client.ts';
import { hasRole, useSession } from '../auth/session.ts';
import { PageHeader } from '../components/PageHeader.tsx';
import { useApi } from '../components/useApi.ts';
import { isCalendarDay, percentText, reportSlots } from './monitoring-ops.ts';

type RoundValues = { fiscalYear: number; asOf: string; dueDate: string; title?: string };

/** The bureau sets a monitoring date for a year; the reports are due by the due date. */
const RoundForm = ({ year, onCreated }: { year: number; onCreated: () => void }) => {
  const { message } = App.useApp();
  const [form] = Form.useForm<RoundValues>();
  const create = async (values: RoundValues) => {
    try {
      await api.post<MonitoringRoundView>('/api/monitoring-rounds', {
        ...values,
        title: values.title?.trim() || undefined,
      });
      message.success('已设置监控时点，各单位可填报运行监控');
      form.resetFields();
      onCreated();
    } catch (error) {
      message.error(errorMessage(error));
    }
  };
  const day = {
    validator: (_: unknown, value: string) =>
      isCalendarDay(value ?? '') ? Promise.resolve() : Promise.reject(new Error('请按 2026-07-31 的格式填写日期')),
  };
  return (
    <Card size="small" title="设置监控时点">
      <Form<RoundValues>
        form={form}
        layout="inline"
        onFinish={create}
        initialValues={{ fiscalYear: year }}
        style={{ rowGap: 8 }}
      >
        <Form.Item label="年度" name="fiscalYear" rules={[{ required: true, message: '请输入年度' }]}>
          <InputNumber min={2000} max={2100} style={{ width: 110 }} />
        </Form.Item>
        <Form.Item label="监控时点" name="asOf" rules={[day]}>
          <Input placeholder={`${year}-07-31`} style={{ width: 140 }} />
        </Form.Item>
        <Form.Item label="截止日期" name="dueDate" rules={[day]}>
          <Input placeholder={`${year}-08-15`} style={{ width: 140 }} />
        </Form.Item>
        <Form.Item label="名称" name="title">
          <Input placeholder="可不填" style={{ width: 200 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          设置
        </Button>
      </Form>
    </Card>
  );
};

/** The unit's declarations in force at the chosen round: start a report or open the one started. */
const UnitSlots = ({ year, round }: { year: number; round: MonitoringRoundView }) => {
  const navigate = useNavigate();
  const { message } = App.useApp();
  const key = `${year}-${round.id}`;
  const data = useApi(
    () =>
      Promise.all([
        api.get<{ items: DeclarationListItem[] }>(`/api/declarations${query({ year, status: 'approved' })}`),
        api.get<{ items: MonitoringListItem[] }>(`/api/monitoring-reports${query({ year, roundId: round.id })}`),
      ]),
    key,
  );
  const start = async (declarationId: string) => {
    try {
      const view = await api.post<MonitoringView>('/api/monitoring-reports', { roundId: round.id, declarationId });
      navigate(`/app/monitoring/${view.id}`);
    } catch (error) {
      message.error(errorMessage(error));
    }
  };
  if (data.state === 'error') return <Alert type="error" showIcon title={data.message} />;
  const slots = data.state === 'ready' ? reportSlots(data.data[0].items, data.data[1].items, round.id) : [];
  return (
    <Card size="small" title={`本单位待填报项目（监控时点 ${round.asOf}，${round.dueDate} 前报送）`}>
      <Table
        rowKey={(slot) => slot.declaration.id}
        size="small"
        pagination={false}
        loading={data.state === 'loading'}
        dataSource={slots}
        locale={{ emptyText: '本年度没有已批复的绩效目标' }}
        columns={[
          { title: '项目', key: 'project', render: (_, slot) => slot.declaration.projectName },
          {
            title: '监控表',
            key: 'report',
            render: (_, slot) =>
              slot.report ? (
                <Link to={`/app/monitoring/${slot.report.id}`}>
                  {slot.report.status === 'submitted' ? '查看监控表' : '继续填报'}
                </Link>
              ) : (
                <Button type="primary" size="small" onClick={() => void start(slot.declaration.id)}>
                  填报监控
                </Button>
              ),
          },
        ]}
      />
    </Card>
  );
};

/**
 * 运行监控: the bureau sets the monitoring dates; units report each approved project at each date; departments and
 * the bureau see the reports with execution against the share of the year gone by, units behind first.
 */
const MonitoringPage = () => {
  const me = useSession();
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year')) || new Date().getFullYear();
  const behind = params.get('behind') === 'true';
  const isBureau = hasRole(me, 'finance_reviewer');
  const isFiller = hasRole(me, 'unit_filler');
  const rounds = useApi(
    () => api.get<{ items: MonitoringRoundView[] }>(`/api/monitoring-rounds${query({ year })}`),
    String(year),
  );
  const [roundId, setRoundId] = useState<string | undefined>();
  const roundItems = rounds.state === 'ready' ? rounds.data.items : [];
  const round = roundItems.find((item) => item.id === roundId) ?? roundItems[0];
  const search = query({ year, roundId: round?.id, behind: behind ? 'true' : undefined });
  const reports = useApi(
    () =>
      round
        ? api.get<{ items: MonitoringListItem[] }>(`/api/monitoring-reports${search}`)
        : Promise.resolve({ items: [] }),
    search,
  );
  const setParam = (name: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value === null) next.delete(name);
    else next.set(name, value);
    setParams(next, { replace: true });
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <PageHeader title="运行监控">
        <Space wrap>
          <InputNumber<number>
            aria-label="年度"
            min={2000}
            max={2100}
            value={year}
            onChange={(value) => value && setParam('year', String(value))}
            style={{ width: 110 }}
          />
          <Select
            aria-label="监控时点"
            placeholder="监控时点"
            value={round?.id}
            options={roundItems.map((item) => ({
              value: item.id,
              label: `${item.title || '运行监控'}（${item.asOf}）`,
            }))}
            onChange={setRoundId}
            popupMatchSelectWidth={false}
            // A round's title can be long; a fixed width keeps the header inside a phone's screen (ellipsis).
            style={{ width: 260, maxWidth: '100%' }}
          />
          <Checkbox checked={behind} onChange={(event) => setParam('behind', event.target.checked ? 'true' : null)}>
            仅看滞后
          </Checkbox>
        </Space>
      </PageHeader>
      <Typography.Text type="secondary">
        “双监控”：在财政局设定的监控时点，单位报告预算执行进度和各项绩效指标的完成情况，分析偏差原因、判断完成目标的可能性并提出纠偏措施。预算执行率低于时间进度（扣除规则允许的偏差）的，标为滞后。
      </Typography.Text>
      {isBureau ? <RoundForm year={year} onCreated={rounds.reload} /> : null}
      {rounds.state === 'error' ? <Alert type="error" showIcon title={rounds.message} /> : null}
      {rounds.state === 'ready' && !round ? (
        <Alert type="info" showIcon title={`${year} 年度尚未设置监控时点`} />
      ) : null}
      {isFiller && round ? <UnitSlots year={year} round={round} /> : null}
      {reports.state === 'error' ? <Alert type="error" showIcon title={reports.message} /> : null}
      {round ? (
        <Card size="small" title="监控报告">
          <Table<MonitoringListItem>
            rowKey="id"
            size="small"
            loading={reports.state === 'loading'}
            dataSource={reports.state === 'ready' ? reports.data.items : []}
            locale={{ emptyText: behind ? '没有滞后的项目' : '暂无监控报告' }}
            scroll={{ x: 760 }}
            columns={[
              {
                title: '项目',
                dataIndex: 'projectName',
                render: (name: string, item) => <Link to={`/app/monitoring/${item.id}`}>{name}</Link>,
              },
              { title: '单位', dataIndex: 'organizationName' },
              {
                title: '状态',
                key: 'status',
                render: (_, item) => (
                  <Tag color={item.status === 'submitted' ? 'success' : 'default'}>{item.statusLabel}</Tag>
                ),
              },
              { title: '执行率', key: 'rate', render: (_, item) => percentText(item.executionRate) },
              { title: '时间进度', key: 'time', render: (_, item) => percentText(item.timeShare), responsive: ['md'] },
              {
                title: '进度',
                key: 'behind',
                render: (_, item) =>
                  item.status !== 'submitted' ? (
                    '—'
                  ) : item.behindSchedule ? (
                    <Tag color="error">滞后</Tag>
                  ) : (
                    <Tag color="success">正常</Tag>
                  ),
              },
              {
                title: '有风险指标',
                key: 'risk',
                render: (_, item) =>
                  item.atRiskIndicators > 0 ? <Tag color="warning">{item.atRiskIndicators} 项</Tag> : '0',
              },
            ]}
          />
        </Card>
      ) : null}
    </Space>
  );
};

export default MonitoringPage;
