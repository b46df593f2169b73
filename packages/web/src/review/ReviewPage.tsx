import { FINDING_CODES, GRADE_LABELS, isFindingCode, meaningfulText } from '@jixiao/core';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Input,
  Modal,
  Result,
  Row,
  Space,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api, errorMessage } from '../api/client.ts';
import type { EvaluationDetail, FormChange, RevisionDiff, TextRun } from '../api/evaluation-types.ts';
import { AppealPanel } from '../appeals/AppealPanel.tsx';
import { BudgetYearComparisonCard } from '../budget-year/BudgetYearComparisonCard.tsx';
import { GradeTag } from '../components/GradeTag.tsx';
import { Loading } from '../components/Loading.tsx';
import { PrintButton } from '../components/PrintButton.tsx';
import { PrintHeader } from '../components/PrintHeader.tsx';
import { useApi } from '../components/useApi.ts';
import { versionLabel } from '../components/version-label.ts';
import { IndicatorTree } from '../editor/IndicatorTree.tsx';
import { flagsOf } from '../editor/locate.ts';
import { NarrativeSection } from '../editor/NarrativeSection.tsx';
import { ScorePanel } from '../editor/ScorePanel.tsx';
import { ruleSetOf } from '../editor/useDraft.ts';
import { EvidenceControl, useEvidence } from '../evidence/EvidenceControl.tsx';
import { EarlierRectificationsCard } from '../rectification/EarlierRectificationsCard.tsx';
import { RectificationPanel } from '../rectification/RectificationPanel.tsx';
import { STATUS_COLORS } from '../shell/labels.ts';
import { diffBaseRevision } from './diff-base.ts';
import { RiskSignalsCard } from './RiskSignalsCard.tsx';
import { type HistoryEntry, reviewHistory } from './review-history.ts';
import '../editor/editor.css';
import './review.css';

type Decision = 'approve' | 'return' | 'publish' | 'unpublish';

const DECISIONS: Record<Decision, { label: string; reason: boolean; danger: boolean }> = {
  approve: { label: '审核通过', reason: false, danger: false },
  publish: { label: '公开', reason: false, danger: false },
  return: { label: '退回', reason: true, danger: true },
  unpublish: { label: '撤回公开', reason: true, danger: true },
};

/** What 审核通过 does at each stage: the last stage ends the review instead of passing it on. */
const APPROVAL_CONSEQUENCES: Partial<Record<EvaluationDetail['status'], string>> = {
  submitted: '确认后将送往主管部门审核。',
  department_review: '确认后将送往财政局审核。',
  finance_review: '这是最后一个审核环节：确认后审核完成，复核结果即为最终结果，之后可以公开。',
};

const HISTORY_COLORS: Record<HistoryEntry['tone'], string> = {
  approved: 'green',
  returned: 'red',
  published: 'blue',
  unpublished: 'gray',
};

const CHANGE_KINDS: Record<FormChange['kind'], { label: string; color: string }> = {
  changed: { label: '修改', color: 'blue' },
  added: { label: '新增', color: 'green' },
  removed: { label: '删除', color: 'red' },
  moved: { label: '移动', color: 'gold' },
};

/** Kept text longer than this is shortened to its two ends, so a one-word edit in a long paragraph stays legible. */
const KEPT_CONTEXT = 30;

const keptText = (text: string, first: boolean, last: boolean): string => {
  const chars = [...text];
  if (chars.length <= KEPT_CONTEXT * 2) return text;
  const head = first ? '' : chars.slice(0, KEPT_CONTEXT).join('');
  const tail = last ? '' : chars.slice(-KEPT_CONTEXT).join('');
  return `${head}……${tail}`;
};

const Runs = ({ runs }: { runs: readonly TextRun[] }) => (
  <div className="change-runs">
    {runs.map((run, index) => {
      const key = `${index}:${run.op}`;
      if (run.op === 'delete')
        return (
          <del key={key} className="diff-before">
            {run.text}
          </del>
        );
      if (run.op === 'insert')
        return (
          <ins key={key} className="diff-after">
            {run.text}
          </ins>
        );
      return <span key={key}>{keptText(run.text, index === 0, index === runs.length - 1)}</span>;
    })}
  </div>
);

const ChangeBody = ({ change }: { change: FormChange }) => {
  if (change.runs) return <Runs runs={change.runs} />;
  if (change.kind === 'removed') {
    return change.before ? <del className="diff-before change-detail">{change.before}</del> : null;
  }
  if (change.kind === 'added') {
    return change.after ? <ins className="diff-after change-detail">{change.after}</ins> : null;
  }
  return (
    <div className="change-values">
      <del className="diff-before">{change.before || '（空）'}</del>
      <span aria-hidden="true"> → </span>
      <ins className="diff-after">{change.after || '（空）'}</ins>
    </div>
  );
};

const ChangeList = ({ changes }: { changes: readonly FormChange[] }) =>
  changes.length === 0 ? (
    <Typography.Text type="secondary">表单内容没有变化</Typography.Text>
  ) : (
    <ol className="change-list">
      {changes.map((change) => (
        <li key={`${change.kind}:${change.path}`} className="change-item" data-kind={change.kind}>
          <div className="change-where">
            <Tag color={CHANGE_KINDS[change.kind].color}>{CHANGE_KINDS[change.kind].label}</Tag>
            <span className="change-place">
              <strong>{change.place}</strong>
              {change.field ? `：${change.field}` : ''}
            </span>
          </div>
          <ChangeBody change={change} />
        </li>
      ))}
    </ol>
  );

const ChangesCard = ({ detail }: { detail: EvaluationDetail }) => {
  const base = diffBaseRevision(detail.revisions, detail.reviews, detail.currentRevisionId);
  const diff = useApi(
    () =>
      base && detail.currentRevisionId
        ? api.get<RevisionDiff>(`/api/evaluations/${detail.id}/diff?from=${base.id}&to=${detail.currentRevisionId}`)
        : Promise.resolve(null),
    `${base?.id}:${detail.currentRevisionId}`,
  );
  if (!base) {
    return (
      <Card size="small" id="review-changes" title="修改对比">
        <Typography.Text type="secondary">首次送审，无可对比的版本。</Typography.Text>
      </Card>
    );
  }
  return (
    <Card
      size="small"
      id="review-changes"
      className="review-changes"
      title={`修改对比：${versionLabel(detail.revisions, base.id)} → ${versionLabel(detail.revisions, detail.currentRevisionId)}`}
    >
      {diff.state === 'loading' ? <Loading /> : null}
      {diff.state === 'error' ? <Alert type="error" showIcon title={diff.message} /> : null}
      {diff.state === 'ready' && diff.data ? (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Text>
            复核得分 {diff.data.totalScore.before.toFixed(2)} → <strong>{diff.data.totalScore.after.toFixed(2)}</strong>
            {diff.data.findingCodes.removed.length > 0
              ? `；已解决：${findingTitles(diff.data.findingCodes.removed)}`
              : ''}
            {diff.data.findingCodes.added.length > 0 ? `；新增：${findingTitles(diff.data.findingCodes.added)}` : ''}
          </Typography.Text>
          <ChangeList changes={diff.data.changes} />
        </Space>
      ) : null}
    </Card>
  );
};

/** "TOTAL_MISMATCH@statedTotal.score" → its Chinese title. */
const findingTitle = (key: string): string => {
  const code = key.split('@')[0] ?? key;
  return isFindingCode(code) ? FINDING_CODES[code].title : code;
};

/** The titles of findings, each once (one code raised at two places reads once). */
const findingTitles = (keys: readonly string[]): string => [...new Set(keys.map(findingTitle))].join('、');

const ReviewView = ({ detail, reload }: { detail: EvaluationDetail; reload: () => void }) => {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [pending, setPending] = useState<Decision | null>(null);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const history = reviewHistory(detail.reviews, detail.publications);
  const evidence = useEvidence(detail.id);
  const decisions = (Object.keys(DECISIONS) as Decision[]).filter((key) => detail.availableActions.includes(key));

  const decide = async (decision: Decision) => {
    if (DECISIONS[decision].reason && meaningfulText(reason) === '') {
      message.error('请填写原因');
      return;
    }
    setBusy(true);
    try {
      await api.post(`/api/evaluations/${detail.id}/${decision}`, {
        expectedVersion: detail.version,
        ...(DECISIONS[decision].reason || (decision === 'approve' && meaningfulText(reason) !== '')
          ? { reason: meaningfulText(reason) }
          : {}),
      });
      message.success(`已${DECISIONS[decision].label}`);
      setPending(null);
      setReason('');
      // Stay while this person has more to decide here (the bureau approves, then publishes); else back to the queue.
      const next = await api.get<EvaluationDetail>(`/api/evaluations/${detail.id}`);
      if (next.availableActions.some((action) => action in DECISIONS)) reload();
      else navigate('/app/review');
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  const result = detail.result;
  const form = detail.form;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <PrintHeader
        unit={form?.implementingUnit || detail.organizationName}
        project={form?.projectName ?? detail.projectName}
        year={detail.fiscalYear}
      />
      <div className="editor-toolbar">
        <div>
          <Link to="/app/review">← 审核队列</Link>
          <Typography.Title level={3} style={{ margin: '4px 0 0' }}>
            {detail.projectName} <Tag color={STATUS_COLORS[detail.status]}>{detail.statusLabel}</Tag>
          </Typography.Title>
          <Typography.Text type="secondary">
            {detail.fiscalYear} 年度 · {detail.organizationName} · {detail.departmentName ?? ''} ·{' '}
            {versionLabel(detail.revisions, detail.currentRevisionId)}
          </Typography.Text>
        </div>
        <Space wrap>
          {decisions.length === 0 ? <Typography.Text type="secondary">当前无需您处理</Typography.Text> : null}
          <PrintButton />
          {decisions.map((decision) => (
            <Button
              key={decision}
              type={DECISIONS[decision].danger ? 'default' : 'primary'}
              danger={DECISIONS[decision].danger}
              onClick={() => setPending(decision)}
            >
              {DECISIONS[decision].label}
            </Button>
          ))}
        </Space>
      </div>
      <Row gutter={16} className="print-stack">
        <Col xs={24} xl={17}>
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <ChangesCard detail={detail} />
            <RiskSignalsCard evaluationId={detail.id} />
            <BudgetYearComparisonCard evaluationId={detail.id} />
            <AppealPanel evaluationId={detail.id} canAppeal={false} />
            <EarlierRectificationsCard items={detail.earlierRectifications} findings={result?.findings ?? []} />
            <RectificationPanel detail={detail} />
            <Card size="small" id="review-history" title="审核记录（含退回原因、公开）">
              {history.length === 0 ? (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚无审核记录" />
              ) : (
                <Timeline
                  items={history.map((entry) => ({
                    key: entry.key,
                    color: HISTORY_COLORS[entry.tone],
                    content: (
                      <span>
                        {new Date(entry.at).toLocaleString('zh-CN')} · {entry.title}
                        {entry.note ? `：${entry.note}` : ''}
                      </span>
                    ),
                  }))}
                />
              )}
            </Card>
            {form && result ? (
              <>
                <Descriptions
                  bordered
                  size="small"
                  column={{ xs: 1, md: 3 }}
                  items={[
                    { key: 'project', label: '项目名称', children: form.projectName },
                    { key: 'unit', label: '实施单位', children: form.implementingUnit || detail.organizationName },
                    { key: 'department', label: '主管部门', children: form.department || '—' },
                    {
                      key: 'budget',
                      label: `全年预算数（${form.funds.unit}）`,
                      children: form.funds.total.adjustedBudget || form.funds.total.initialBudget || '—',
                    },
                    {
                      key: 'executed',
                      label: `全年执行数（${form.funds.unit}）`,
                      children: form.funds.total.executed || '—',
                    },
                    {
                      key: 'grade',
                      label: '复核等级',
                      children: <GradeTag grade={GRADE_LABELS[result.grade]} />,
                    },
                  ]}
                />
                <IndicatorTree
                  form={form}
                  result={result}
                  ruleSet={ruleSetOf(detail.ruleSet)}
                  readOnly
                  onChange={() => undefined}
                  flagged={flagsOf(result.findings)}
                  highlighted={null}
                  evidenceOf={(row) => (
                    <EvidenceControl
                      evaluationId={detail.id}
                      indicatorName={row.name}
                      files={evidence.files}
                      editable={false}
                      onChanged={evidence.reload}
                    />
                  )}
                />
                <NarrativeSection form={form} readOnly onChange={() => undefined} flagged={flagsOf(result.findings)} />
              </>
            ) : (
              <Alert type="warning" showIcon title="这份自评还没有表单内容" />
            )}
          </Space>
        </Col>
        <Col xs={24} xl={7}>
          {result ? (
            <ScorePanel
              result={result}
              title="复核得分（本版本）"
              onSelectFinding={(finding) => {
                const row = finding.where.match(/^indicators\[(\d+)\]/u)?.[1];
                document
                  .getElementById(row === undefined ? 'section-indicators' : `indicator-row-${row}`)
                  ?.scrollIntoView({ behavior: 'smooth', block: 'center' });
              }}
            />
          ) : null}
        </Col>
      </Row>
      <Modal
        open={pending !== null}
        title={pending ? `确认${DECISIONS[pending].label}` : ''}
        okText={pending ? DECISIONS[pending].label : '确定'}
        cancelText="取消"
        okButtonProps={{ danger: pending ? DECISIONS[pending].danger : false, loading: busy }}
        onOk={() => pending && void decide(pending)}
        onCancel={() => setPending(null)}
        destroyOnHidden
      >
        {pending && DECISIONS[pending].reason ? (
          <label htmlFor="decision-reason">
            原因（将告知填报单位）
            <Input.TextArea
              id="decision-reason"
              autoFocus
              rows={4}
              maxLength={2000}
              value={reason}
              onChange={(event) => setReason(event.target.value)}
            />
          </label>
        ) : pending === 'approve' ? (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Typography.Text>{APPROVAL_CONSEQUENCES[detail.status] ?? '确认后审核通过。'}</Typography.Text>
            <label htmlFor="decision-opinion">
              审核意见（选填，记入审核记录，填报单位可见）
              <Input.TextArea
                id="decision-opinion"
                autoFocus
                rows={3}
                maxLength={2000}
                value={reason}
                onChange={(event) => setReason(event.target.value)}
              />
            </label>
          </Space>
        ) : (
          <Typography.Text>公开后任何人都可以在公开平台查看这份自评。</Typography.Text>
        )}
      </Modal>
    </Space>
  );
};

/** A reviewer's page: the changes since the last return, the review history, the form and the decision. */
const ReviewPage = () => {
  const { id = '' } = useParams();
  const [generation, setGeneration] = useState(0);
  const detail = useApi(() => api.get<EvaluationDetail>(`/api/evaluations/${id}`), `${id}:${generation}`);
  if (detail.state === 'loading') return <Loading />;
  if (detail.state === 'error') return <Result status="error" title="无法打开这份自评" subTitle={detail.message} />;
  return <ReviewView key={generation} detail={detail.data} reload={() => setGeneration((value) => value + 1)} />;
};

export default ReviewPage;
