import { DECLARATION_ACTION_LABELS, type DeclarationForm, type MoneyUnit } from '@jixiao/core';
import { Alert, App, Button, Card, Col, Input, Result, Row, Select, Space, Tag, Timeline, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useLocation, useNavigate, useParams } from 'react-router';
import type { DeclarationAction, DeclarationView } from '../api/budget-year-types.ts';
import { api, errorMessage } from '../api/client.ts';
import { Loading } from '../components/Loading.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { useApi } from '../components/useApi.ts';
import { STATUS_COLORS } from '../shell/labels.ts';
import { DeclarationIndicatorTable } from './DeclarationIndicatorTable.tsx';
import { actionButtons, actionNeedsReason, revisionText } from './declaration-ops.ts';
import { FindingsList } from './FindingsList.tsx';
import { ReasonDialog } from './ReasonDialog.tsx';

type ImportState = { importedFrom?: string; importWarnings?: string[] } | null;

const PROJECT_FIELDS = [
  ['projectName', '项目名称'],
  ['projectCode', '项目编码'],
  ['department', '主管部门'],
  ['implementingUnit', '实施单位'],
  ['projectCategory', '项目属性'],
  ['projectPeriod', '项目周期'],
] as const;

const FUND_FIELDS = [
  ['total', '年度资金总额'],
  ['currentAppropriation', '其中：财政拨款'],
  ['priorYearCarryover', '上年结转资金'],
  ['other', '其他资金'],
] as const;

const REASON_DIALOGS = {
  return: {
    title: '退回',
    hint: '请写明退回原因（如缺少成本指标、指标不可衡量），单位将据此修改。',
    okText: '确认退回',
  },
  adjust: {
    title: '调整',
    hint: '调整将以已批复的目标为底稿新建一个修订版本，需重新逐级审核；请写明调整原因。',
    okText: '开始调整',
  },
} as const;

/** 申报表: the unit edits a draft or returned declaration; everyone else (and later stages) reads it. */
const DeclarationEditorPage = () => {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const location = useLocation();
  const imported = location.state as ImportState;
  const { message } = App.useApp();
  const loaded = useApi(() => api.get<DeclarationView>(`/api/declarations/${id}`), id);
  const [view, setView] = useState<DeclarationView | null>(null);
  const [form, setForm] = useState<DeclarationForm | null>(null);
  const [dirty, setDirty] = useState(false);
  const [busy, setBusy] = useState(false);
  const [asking, setAsking] = useState<'return' | 'adjust' | null>(null);

  // The answer as loaded (a stable reference): `loaded` itself is a new object on every render.
  const answer = loaded.state === 'ready' ? loaded.data : null;
  useEffect(() => {
    if (answer) {
      setView(answer);
      setForm(answer.form);
      setDirty(false);
    }
  }, [answer]);

  if (loaded.state === 'error') return <Result status="error" title="无法打开申报表" subTitle={loaded.message} />;
  if (!view || !form) return <Loading />;

  const editable = view.availableActions.includes('edit');
  const change = (next: DeclarationForm) => {
    setForm(next);
    setDirty(true);
  };
  const adopt = (next: DeclarationView) => {
    setView(next);
    setForm(next.form);
    setDirty(false);
  };

  const save = async (): Promise<DeclarationView | null> => {
    try {
      const saved = await api.put<DeclarationView>(`/api/declarations/${view.id}`, { form, version: view.version });
      adopt(saved);
      return saved;
    } catch (error) {
      message.error(`保存失败：${errorMessage(error)}`);
      return null;
    }
  };

  const act = async (action: DeclarationAction, reason?: string) => {
    setBusy(true);
    try {
      if (dirty && action === 'submit' && !(await save())) return;
      const next = await api.post<DeclarationView>(
        `/api/declarations/${view.id}/${action}`,
        reason === undefined ? {} : { reason },
      );
      setAsking(null);
      message.success(`已${DECLARATION_ACTION_LABELS[action]}`);
      if (action === 'adjust') navigate(`/app/declarations/${next.id}`);
      else adopt(next);
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  const setField = (field: (typeof PROJECT_FIELDS)[number][0], value: string) => change({ ...form, [field]: value });
  const setFund = (field: (typeof FUND_FIELDS)[number][0] | 'unit', value: string) =>
    change({ ...form, funds: { ...form.funds, [field]: value } });

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <PageHeader title={`绩效目标申报表 · ${form.projectName || '未命名项目'}`}>
        <Space wrap data-testid="declaration-actions">
          {editable ? (
            <Button
              disabled={!dirty}
              loading={busy}
              onClick={() => void save().then((ok) => ok && message.success('已保存'))}
            >
              保存
            </Button>
          ) : null}
          {actionButtons(view.availableActions).map((action) => (
            <Button
              key={action}
              type={action === 'submit' || action === 'approve' ? 'primary' : 'default'}
              danger={action === 'return'}
              loading={busy}
              onClick={() =>
                actionNeedsReason(action) ? setAsking(action === 'return' ? 'return' : 'adjust') : void act(action)
              }
            >
              {DECLARATION_ACTION_LABELS[action]}
            </Button>
          ))}
          <Button href={`/api/declarations/${view.id}/document.xlsx`}>下载 Excel</Button>
          <Button href={`/api/declarations/${view.id}/document.pdf`}>下载 PDF</Button>
        </Space>
      </PageHeader>
      <Space wrap>
        <Tag color={STATUS_COLORS[view.status]} data-testid="declaration-status">
          {view.statusLabel}
        </Tag>
        {revisionText(view).map((text) => (
          <Tag key={text} color={text === '已被调整取代' ? 'default' : 'purple'}>
            {text}
          </Tag>
        ))}
        <Typography.Text type="secondary">
          {view.organizationName} · {view.fiscalYear} 年度
        </Typography.Text>
      </Space>
      {view.adjustmentReason ? <Alert type="info" showIcon title={`调整原因：${view.adjustmentReason}`} /> : null}
      {dirty ? <Alert type="warning" showIcon title="有未保存的修改" /> : null}
      {imported?.importedFrom ? (
        <Alert
          type={imported.importWarnings?.length ? 'warning' : 'success'}
          showIcon
          title={`已从“${imported.importedFrom}”导入，请核对后送审`}
          description={
            imported.importWarnings?.length ? (
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {imported.importWarnings.map((warning) => (
                  <li key={warning}>{warning}</li>
                ))}
              </ul>
            ) : undefined
          }
        />
      ) : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <Card size="small" title="项目基本情况">
              <Row gutter={[12, 12]}>
                {PROJECT_FIELDS.map(([field, label]) => (
                  <Col xs={24} md={12} key={field}>
                    <Typography.Text type="secondary">{label}</Typography.Text>
                    {editable ? (
                      <Input
                        aria-label={label}
                        value={form[field]}
                        onChange={(event) => setField(field, event.target.value)}
                      />
                    ) : (
                      <div>{form[field] || '—'}</div>
                    )}
                  </Col>
                ))}
              </Row>
            </Card>
            <Card
              size="small"
              title="项目资金"
              extra={
                editable ? (
                  <Select<MoneyUnit>
                    aria-label="金额单位"
                    value={form.funds.unit}
                    options={[
                      { value: '万元', label: '万元' },
                      { value: '元', label: '元' },
                    ]}
                    onChange={(unit) => setFund('unit', unit)}
                  />
                ) : (
                  `单位：${form.funds.unit}`
                )
              }
            >
              <Row gutter={[12, 12]}>
                {FUND_FIELDS.map(([field, label]) => (
                  <Col xs={24} md={12} key={field}>
                    <Typography.Text type="secondary">{label}</Typography.Text>
                    {editable ? (
                      <Input
                        aria-label={label}
                        inputMode="decimal"
                        suffix={form.funds.unit}
                        value={form.funds[field]}
                        onChange={(event) => setFund(field, event.target.value)}
                      />
                    ) : (
                      <div>{form.funds[field] ? `${form.funds[field]} ${form.funds.unit}` : '—'}</div>
                    )}
                  </Col>
                ))}
              </Row>
            </Card>
            <Card size="small" title="年度总体目标">
              {editable ? (
                <Input.TextArea
                  aria-label="年度总体目标"
                  rows={4}
                  value={form.annualGoal}
                  onChange={(event) => change({ ...form, annualGoal: event.target.value })}
                />
              ) : (
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
                  {form.annualGoal || '—'}
                </Typography.Paragraph>
              )}
            </Card>
            <Card size="small" title="绩效指标">
              <DeclarationIndicatorTable form={form} readOnly={!editable} onChange={change} />
            </Card>
          </Space>
        </Col>
        <Col xs={24} xl={8}>
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <Card size="small" title="目标质量审核" id="declaration-findings">
              {dirty ? <Typography.Paragraph type="secondary">保存后重新审核。</Typography.Paragraph> : null}
              <FindingsList findings={view.findings} empty="未发现目标质量问题" />
            </Card>
            <Card size="small" title="审核记录" id="declaration-history">
              {view.history.length === 0 ? (
                <Typography.Text type="secondary">尚无审核记录</Typography.Text>
              ) : (
                <Timeline
                  items={view.history.map((entry) => ({
                    color: entry.action === 'return' ? 'red' : entry.action === 'approve' ? 'green' : 'blue',
                    content: (
                      <div>
                        <strong>{entry.actionLabel}</strong>（{entry.stageLabel}）· {entry.actorName}
                        <div>
                          <Typography.Text type="secondary">{entry.at.slice(0, 16).replace('T', ' ')}</Typography.Text>
                        </div>
                        {entry.reason ? <div>原因：{entry.reason}</div> : null}
                      </div>
                    ),
                  }))}
                />
              )}
            </Card>
          </Space>
        </Col>
      </Row>
      <ReasonDialog
        open={asking !== null}
        title={asking ? REASON_DIALOGS[asking].title : ''}
        hint={asking ? REASON_DIALOGS[asking].hint : ''}
        okText={asking ? REASON_DIALOGS[asking].okText : '确定'}
        onCancel={() => setAsking(null)}
        onConfirm={(reason) => (asking ? act(asking, reason) : Promise.resolve())}
      />
    </Space>
  );
};

export default DeclarationEditorPage;
