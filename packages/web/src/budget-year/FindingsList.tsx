import { FINDING_CODES, type Finding, isFindingCode, SEVERITY_LABELS } from '@jixiao/core';
import { Empty, List, Tag, Typography } from 'antd';

const SEVERITY_COLORS = { error: 'error', warning: 'warning', info: 'default' } as const;

/** Findings with their Chinese titles, most severe first as the server ordered them. */
export const FindingsList = ({ findings, empty }: { findings: readonly Finding[]; empty: string }) =>
  findings.length === 0 ? (
    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} />
  ) : (
    <List
      size="small"
      dataSource={[...findings]}
      renderItem={(finding) => (
        <List.Item>
          <div>
            <Tag color={SEVERITY_COLORS[finding.severity]}>{SEVERITY_LABELS[finding.severity]}</Tag>
            <strong>{isFindingCode(finding.code) ? FINDING_CODES[finding.code].title : finding.code}</strong>
            <Typography.Paragraph style={{ margin: '4px 0 0' }}>{finding.message}</Typography.Paragraph>
          </div>
        </List.Item>
      )}
    />
  );
