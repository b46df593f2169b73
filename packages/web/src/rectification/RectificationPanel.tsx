import { FINDING_CODES, type Finding, isFindingCode } from '@jixiao/core';
import { Button, Card, Empty, List, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../api/client.ts';
import type { EvaluationDetail } from '../api/evaluation-types.ts';
import { useSession } from '../auth/session.ts';
import { useApi } from '../components/useApi.ts';
import { CreateRectificationDialog, type RectificationSeed } from './CreateRectificationDialog.tsx';
import { ProposalsDialog } from './ProposalsDialog.tsx';
import { RectificationDrawer } from './RectificationDrawer.tsx';
import { STATUS_COLORS, STATUS_LABELS } from './rectification-labels.ts';
import type { RectificationItemPage } from './rectification-types.ts';

const titleOf = (finding: Finding): string =>
  isFindingCode(finding.code) ? FINDING_CODES[finding.code].title : finding.code;

const fromFinding = (finding: Finding): RectificationSeed => ({
  sourceKind: 'finding',
  sourceRef: finding.code,
  sourceText: `${titleOf(finding)}：${finding.message}`,
  description: finding.message,
  measure: '',
});

/** Findings worth an item: errors and warnings, not those about earlier items themselves. */
const serious = (findings: readonly Finding[]): Finding[] =>
  findings.filter((finding) => finding.severity !== 'info' && !finding.code.startsWith('RECTIFICATION_'));

type Props = { detail: EvaluationDetail };

/**
 * The review page's 整改 card: the items registered on this evaluation, and for reviewers 从问题生成, 转为整改 from a
 * finding or from a review comment, and 登记 by hand.
 */
export const RectificationPanel = ({ detail }: Props) => {
  // Reviewers register items for the units they oversee (the server checks the unit again).
  const canCreate = useSession().roles.some(
    (grant) => grant.role === 'department_reviewer' || grant.role === 'finance_reviewer',
  );
  const items = useApi(
    () => api.get<RectificationItemPage>(`/api/rectification-items?evaluationId=${detail.id}&pageSize=100`),
    detail.id,
  );
  const [seed, setSeed] = useState<RectificationSeed | null>(null);
  const [proposing, setProposing] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);
  const findings = serious(detail.result?.findings ?? []);
  const comments = detail.reviews.filter((review) => review.reason.trim() !== '');

  return (
    <Card
      size="small"
      id="rectification"
      title="整改事项"
      extra={
        canCreate ? (
          <Space wrap>
            <Button size="small" onClick={() => setProposing(true)}>
              从问题生成
            </Button>
            <Button
              size="small"
              onClick={() =>
                setSeed({ sourceKind: 'manual', sourceText: '', sourceRef: '', description: '', measure: '' })
              }
            >
              登记
            </Button>
          </Space>
        ) : null
      }
    >
      {items.state === 'ready' && items.data.items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚未登记整改事项" />
      ) : null}
      {items.state === 'ready' && items.data.items.length > 0 ? (
        <List
          size="small"
          dataSource={items.data.items}
          renderItem={(item) => (
            <List.Item
              key={item.id}
              actions={[
                <Button key="open" type="link" size="small" onClick={() => setOpenId(item.id)}>
                  查看
                </Button>,
              ]}
            >
              <span className="narrative-body">
                <Tag color={STATUS_COLORS[item.status]}>{STATUS_LABELS[item.status]}</Tag>
                {item.description} · 期限 {item.deadline}
              </span>
            </List.Item>
          )}
        />
      ) : null}
      {canCreate ? (
        <Space wrap style={{ marginTop: 8 }}>
          <Select<number>
            style={{ minWidth: 280 }}
            placeholder={findings.length > 0 ? '将审核发现转为整改…' : '无错误或警告级审核发现'}
            disabled={findings.length === 0}
            aria-label="将审核发现转为整改"
            value={null}
            options={findings.map((finding, index) => ({
              value: index,
              label: `${titleOf(finding)}：${finding.message}`,
            }))}
            onChange={(index) => {
              const finding = findings[index];
              if (finding) setSeed(fromFinding(finding));
            }}
          />
          {comments.map((review) => (
            <Button
              key={review.id}
              size="small"
              onClick={() =>
                setSeed({
                  sourceKind: 'review_comment',
                  sourceRef: review.id,
                  sourceText: `${review.reviewerName}${review.decision === 'returned' ? '退回' : '审核通过'}意见：${review.reason}`,
                  description: review.reason,
                  measure: '',
                })
              }
            >
              将{review.decision === 'returned' ? '退回' : '审核'}意见转为整改（{review.reviewerName}）
            </Button>
          ))}
          <Typography.Text type="secondary">登记后责任单位在“整改跟踪”中整改并提交材料。</Typography.Text>
        </Space>
      ) : null}
      <CreateRectificationDialog
        evaluationId={detail.id}
        seed={seed}
        onClose={() => setSeed(null)}
        onCreated={items.reload}
      />
      <ProposalsDialog
        evaluationId={detail.id}
        open={proposing}
        onClose={() => setProposing(false)}
        onCreated={items.reload}
      />
      <RectificationDrawer itemId={openId} onClose={() => setOpenId(null)} onChanged={items.reload} />
    </Card>
  );
};
