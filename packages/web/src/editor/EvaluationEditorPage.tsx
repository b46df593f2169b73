import { type Finding, reviewStageLabel } from '@jixiao/core';
import { Alert, App, Button, Col, Dropdown, Modal, Result, Row, Space, Tag, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link, useBlocker, useLocation, useNavigate, useParams } from 'react-router';
import { api, errorMessage } from '../api/client.ts';
import { DOCUMENT_KINDS, type EvaluationDetail } from '../api/evaluation-types.ts';
import { AppealPanel } from '../appeals/AppealPanel.tsx';
import { useSession } from '../auth/session.ts';
import { BudgetYearComparisonCard } from '../budget-year/BudgetYearComparisonCard.tsx';
import { DocumentDownloadLink } from '../components/DocumentDownloadLink.tsx';
import { Loading } from '../components/Loading.tsx';
import { PrintButton } from '../components/PrintButton.tsx';
import { PrintHeader } from '../components/PrintHeader.tsx';
import { useApi } from '../components/useApi.ts';
import { versionLabel } from '../components/version-label.ts';
import { EvidenceControl, useEvidence } from '../evidence/EvidenceControl.tsx';
import { EarlierRectificationsCard } from '../rectification/EarlierRectificationsCard.tsx';
import { STATUS_COLORS } from '../shell/labels.ts';
import { cellMessageId } from './CellMessage.tsx';
import { IndicatorTree } from './IndicatorTree.tsx';
import { flagsOf, targetOf } from './locate.ts';
import { NarrativeSection } from './NarrativeSection.tsx';
import { editorNumberChecks, submitBlockedLines } from './number-checks.ts';
import { ProjectSection } from './ProjectSection.tsx';
import { ScorePanel } from './ScorePanel.tsx';
import { TotalSection } from './TotalSection.tsx';
import { type SaveState, useDraft } from './useDraft.ts';
import './editor.css';

/** What the import page hands over (router state) when it opens a freshly imported draft. */
type ImportNotice = { importedFrom: string; importWarnings: string[] };

const importNoticeOf = (state: unknown): ImportNotice | null => {
  if (typeof state !== 'object' || state === null || !('importedFrom' in state)) return null;
  const { importedFrom } = state;
  const warnings = 'importWarnings' in state && Array.isArray(state.importWarnings) ? state.importWarnings : [];
  if (typeof importedFrom !== 'string') return null;
  return { importedFrom, importWarnings: warnings.filter((item): item is string => typeof item === 'string') };
};

/** Unsaved edits are saved by themselves after this quiet time. */
const AUTOSAVE_MS = 15_000;

const SAVE_TEXT: Record<SaveState['kind'], string> = {
  saved: '已保存',
  dirty: '有未保存的修改',
  saving: '正在保存…',
  conflict: '保存冲突',
  failed: '保存失败',
};

const Editor = ({ detail, reload }: { detail: EvaluationDetail; reload: () => void }) => {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const imported = importNoticeOf(useLocation().state);
  const [highlighted, setHighlighted] = useState<number | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const onSaved = useCallback(() => undefined, []);
  const draft = useDraft(detail, onSaved);
  const readOnly = !detail.availableActions.includes('edit');
  const evidence = useEvidence(detail.id);
  const me = useSession();
  // 申诉 is the unit's own: its filler or approver (the server checks it again).
  const ofTheUnit = me.roles.some(
    (grant) =>
      grant.organizationId === detail.organizationId &&
      (grant.role === 'unit_filler' || grant.role === 'unit_approver'),
  );
  const unsaved = draft.state.kind === 'dirty' || draft.state.kind === 'conflict' || draft.state.kind === 'failed';
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) => unsaved && currentLocation.pathname !== nextLocation.pathname,
  );
  const flagged = flagsOf(draft.result.findings);
  // Checked on the form as typed (not the deferred copy the score follows), so a cell's error shows at once.
  const numbers = useMemo(
    () => editorNumberChecks(draft.form, draft.ruleSet, draft.result),
    [draft.form, draft.ruleSet, draft.result],
  );

  useEffect(() => {
    if (draft.state.kind !== 'dirty' || readOnly) return;
    const timer = window.setTimeout(() => void draft.save(), AUTOSAVE_MS);
    return () => window.clearTimeout(timer);
  }, [draft.state.kind, draft.save, readOnly]);

  const locateWhere = (where: string, input?: HTMLElement | null) => {
    const target = targetOf(where);
    setHighlighted(target.row);
    const element = document.getElementById(target.elementId);
    element?.scrollIntoView({ behavior: 'smooth', block: 'center' });
    (input ?? element?.querySelector<HTMLElement>('input, textarea'))?.focus({ preventScroll: true });
  };
  const locate = (finding: Finding) => locateWhere(finding.where);
  /** To a wrong numeric cell: its own input (the one its message describes). */
  const locateCell = (where: string) =>
    locateWhere(where, document.querySelector<HTMLElement>(`[aria-describedby="${cellMessageId(where)}"]`));

  /** 送审 while numbers are wrong: say which, and do not send (the server would refuse it too). */
  const showSubmitBlocked = () =>
    Modal.error({
      title: `不能送审：有 ${numbers.problems.length} 处数字填写有误`,
      content: (
        <div>
          <p style={{ margin: '0 0 6px' }}>请改正以下单元格后再送审（草稿可以照常保存）：</p>
          <ul className="submit-blocked-list">
            {submitBlockedLines(numbers.problems).map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </div>
      ),
      okText: '去改正',
      // After the dialog has closed and handed focus back to 送审, on to the first wrong cell.
      afterClose: () => {
        const first = numbers.problems[0];
        if (first) window.setTimeout(() => locateCell(first.where), 0);
      },
    });

  const submit = async () => {
    setSubmitting(true);
    try {
      let version = draft.version;
      if (unsaved) {
        if (!(await draft.save())) return;
        const latest = await api.get<EvaluationDetail>(`/api/evaluations/${detail.id}`);
        version = latest.version;
      }
      await api.post(`/api/evaluations/${detail.id}/submit`, { expectedVersion: version });
      message.success('已送审');
      navigate('/app');
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setSubmitting(false);
    }
  };

  const withdraw = async () => {
    try {
      await api.post(`/api/evaluations/${detail.id}/withdraw`, { expectedVersion: detail.version });
      message.success('已撤回送审，可以继续修改');
      reload();
    } catch (error) {
      message.error(errorMessage(error));
    }
  };

  const lastReturn = [...detail.reviews].reverse().find((review) => review.decision === 'returned');
  const errorCount = draft.result.findings.filter((finding) => finding.severity === 'error').length;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <PrintHeader
        unit={draft.form.implementingUnit || detail.organizationName}
        project={draft.form.projectName}
        year={detail.fiscalYear}
      />
      <div className="editor-toolbar">
        <div>
          <Link to="/app">← 待办</Link>
          <Typography.Title level={3} style={{ margin: '4px 0 0' }}>
            {draft.form.projectName || '（未命名项目）'}{' '}
            <Tag color={STATUS_COLORS[detail.status]}>{detail.statusLabel}</Tag>
          </Typography.Title>
          <Typography.Text type="secondary">
            {detail.fiscalYear} 年度 · {detail.organizationName} · 规则 {detail.ruleSet} ·{' '}
            {versionLabel(detail.revisions, detail.currentRevisionId)}
          </Typography.Text>
        </div>
        <Space wrap>
          {readOnly ? null : (
            <span className={`save-state save-${draft.state.kind}`} role="status">
              {SAVE_TEXT[draft.state.kind]}
            </span>
          )}
          <Dropdown
            menu={{
              items: DOCUMENT_KINDS.map((document) => ({
                key: document.kind,
                label: (
                  <DocumentDownloadLink
                    href={`/api/evaluations/${detail.id}/documents/${document.kind}`}
                    label={document.label}
                  />
                ),
              })),
            }}
          >
            <Button>下载</Button>
          </Dropdown>
          <PrintButton />
          {readOnly ? null : (
            <Button
              onClick={() => void draft.save()}
              disabled={draft.state.kind === 'saving' || draft.state.kind === 'conflict'}
            >
              保存
            </Button>
          )}
          {detail.availableActions.includes('submit') ? (
            <Button
              type="primary"
              loading={submitting}
              disabled={draft.state.kind === 'conflict'}
              onClick={() =>
                numbers.problems.length > 0
                  ? showSubmitBlocked()
                  : Modal.confirm({
                      title: '确认送审？',
                      content:
                        errorCount > 0
                          ? `还有 ${errorCount} 项“错误”级审核发现，送审后可能被退回。确定送审吗？`
                          : '送审后本版本不能再修改，直到被退回。',
                      okText: '送审',
                      cancelText: '取消',
                      onOk: submit,
                    })
              }
            >
              送审
            </Button>
          ) : null}
          {detail.availableActions.includes('withdraw') ? (
            <Button
              onClick={() =>
                Modal.confirm({
                  title: '撤回送审？',
                  content: '单位审核人尚未处理这份自评。撤回后回到“填报中”，可以继续修改，改好后再送审。',
                  okText: '撤回送审',
                  cancelText: '取消',
                  onOk: withdraw,
                })
              }
            >
              撤回送审
            </Button>
          ) : null}
        </Space>
      </div>
      {lastReturn && detail.status === 'returned' ? (
        <Alert
          type="warning"
          showIcon
          title={`本自评已于 ${new Date(lastReturn.createdAt).toLocaleString('zh-CN')} 被${reviewStageLabel(lastReturn.stage)}退回（${lastReturn.reviewerName}）`}
          description={`退回原因：${lastReturn.reason}`}
        />
      ) : null}
      {/* On paper, the 自评表 alone: the cards about other workflows stay on the screen. */}
      <div className="no-print">
        <EarlierRectificationsCard items={detail.earlierRectifications} findings={detail.result?.findings ?? []} />
      </div>
      <div className="no-print">
        <BudgetYearComparisonCard evaluationId={detail.id} refresh={draft.version} />
      </div>
      {imported ? (
        <Alert
          type={imported.importWarnings.length > 0 ? 'warning' : 'success'}
          showIcon
          closable
          title={`已从“${imported.importedFrom}”导入为草稿，请核对后送审`}
          description={
            imported.importWarnings.length > 0 ? `导入提示：${imported.importWarnings.join('；')}` : undefined
          }
        />
      ) : null}
      {draft.form.complete ? null : (
        <Alert
          type="info"
          showIcon
          title="表格不完整：导入的文件在表格结尾前中断"
          description="只按已读到的部分计分；权重合计、总分核对等需要整张表的检查暂不进行。补全表格后请标记为完整。"
          action={
            readOnly ? undefined : (
              <Button size="small" onClick={() => draft.change({ ...draft.form, complete: true })}>
                已补全，按完整表格审核
              </Button>
            )
          }
        />
      )}
      {draft.form.formKind === 'unscored' &&
      draft.form.indicators.every((row) => row.weight.trim() === '' && row.statedScore.trim() === '') ? (
        <Alert
          type="info"
          showIcon
          title="这份自评表没有填写分值和得分"
          description="按规则集计分，不核对填报得分；请填写各指标的分值和自评得分后送审。"
        />
      ) : null}
      {readOnly ? <Alert type="info" showIcon title="当前状态下不能修改，仅供查看。" /> : null}
      <div className="no-print">
        <AppealPanel evaluationId={detail.id} canAppeal={ofTheUnit} />
      </div>
      {numbers.problems.length > 0 ? (
        <Alert
          type="error"
          showIcon
          className="number-problems"
          title={`有 ${numbers.problems.length} 处数字填写有误，改正前不能送审${readOnly ? '' : '（草稿仍可保存）'}`}
          description={
            <ul className="submit-blocked-list">
              {numbers.problems.map((problem) => (
                <li key={problem.where}>
                  <button type="button" className="link-button" onClick={() => locateCell(problem.where)}>
                    {problem.label}
                  </button>
                  ：{problem.message}
                </li>
              ))}
            </ul>
          }
        />
      ) : null}
      {draft.state.kind === 'conflict' ? (
        <Alert
          type="error"
          showIcon
          title="保存冲突：有人在您之后保存了这份自评"
          description="您在本页的修改都还在（并已暂存在本浏览器中）。可以在新窗口查看对方保存的版本，再决定是否用您的内容覆盖。"
          action={
            <Space orientation="vertical">
              <Button size="small" href={`/app/evaluations/${detail.id}`} target="_blank">
                查看对方版本
              </Button>
              <Button size="small" danger onClick={() => void draft.overwrite()}>
                用我的内容覆盖
              </Button>
            </Space>
          }
        />
      ) : null}
      {draft.state.kind === 'failed' ? (
        <Alert
          type="error"
          showIcon
          title="保存失败"
          description={`${draft.state.message}。您的修改仍在本页，可以改正后再保存。`}
        />
      ) : null}
      <Row gutter={16} wrap className="print-stack">
        <Col xs={24} xl={17}>
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <ProjectSection
              form={draft.form}
              readOnly={readOnly}
              onChange={draft.change}
              flagged={flagged}
              numbers={numbers}
            />
            <IndicatorTree
              form={draft.form}
              result={draft.result}
              ruleSet={draft.ruleSet}
              readOnly={readOnly}
              onChange={draft.change}
              flagged={flagged}
              highlighted={highlighted}
              numbers={numbers}
              evidenceOf={(row) => (
                <EvidenceControl
                  evaluationId={detail.id}
                  indicatorName={row.name}
                  files={evidence.files}
                  editable={!readOnly}
                  onChanged={evidence.reload}
                />
              )}
            />
            <TotalSection
              form={draft.form}
              result={draft.result}
              readOnly={readOnly}
              onChange={draft.change}
              flagged={flagged}
              numbers={numbers}
            />
            <NarrativeSection form={draft.form} readOnly={readOnly} onChange={draft.change} flagged={flagged} />
          </Space>
        </Col>
        <Col xs={24} xl={7}>
          <ScorePanel result={draft.result} onSelectFinding={locate} invalid={numbers.invalid} />
        </Col>
      </Row>
      <Modal
        open={blocker.state === 'blocked'}
        title="有未保存的修改"
        okText="仍然离开"
        cancelText="留在本页"
        onOk={() => blocker.proceed?.()}
        onCancel={() => blocker.reset?.()}
      >
        离开后未保存的修改会丢失（本浏览器中仍有一份暂存）。
      </Modal>
      <Button type="link" onClick={reload} style={{ alignSelf: 'flex-start' }}>
        重新加载（放弃未保存的修改）
      </Button>
    </Space>
  );
};

/** The evaluation editor for unit fillers (read-only for everyone else). */
const EvaluationEditorPage = () => {
  const { id = '' } = useParams();
  const [generation, setGeneration] = useState(0);
  const detail = useApi(() => api.get<EvaluationDetail>(`/api/evaluations/${id}`), `${id}:${generation}`);
  if (detail.state === 'loading') return <Loading />;
  if (detail.state === 'error') return <Result status="error" title="无法打开这份自评" subTitle={detail.message} />;
  if (!detail.data.form) return <Result status="warning" title="这份自评还没有表单内容" />;
  return (
    <Editor
      key={`${detail.data.id}:${generation}`}
      detail={detail.data}
      reload={() => setGeneration((value) => value + 1)}
    />
  );
};

export default EvaluationEditorPage;
