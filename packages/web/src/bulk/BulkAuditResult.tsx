import { type BulkCodeCount, type BulkSummary, FINDING_CODES, SEVERITY_LABELS } from '@jixiao/core';
import { Button, Card, Col, Input, Row, Space, Statistic, Table, Tag, Tooltip, Typography } from 'antd';
import type { FilterValue } from 'antd/es/table/interface';
import { type CSSProperties, type ReactNode, useMemo, useState } from 'react';
import { GradeTag, gradeWord } from '../components/GradeTag.tsx';
import {
  type BulkTableRow,
  compareBlanksLast,
  matchesWords,
  OUTCOME_TEXT,
  OUTCOMES,
  type RowOutcome,
  runCounts,
  tableRows,
} from './bulk-audit-data.ts';

const SEVERITY_COLORS = { error: 'red', warning: 'orange', info: 'blue' } as const;

const DOWNLOADS = [
  { kind: 'summary.xlsx', label: '下载 Excel 汇总' },
  { kind: 'summary.html', label: '下载网页版汇总' },
  { kind: 'summary.json', label: '下载 JSON' },
] as const;

/**
 * One column of blocks as wide as the page: a grid track of minmax(0, 1fr) never grows to its content, so the
 * wide table scrolls inside its card instead of widening the page.
 */
export const STACK_STYLE = {
  display: 'grid',
  gridTemplateColumns: 'minmax(0, 1fr)',
  gap: 16,
} satisfies CSSProperties;

const score = (value: number | null): string => (value === null ? '—' : value.toFixed(2));

/** A cell's text on one line, cut with an ellipsis, whole in the tooltip. */
const Clipped = ({ text }: { text: string }) =>
  text ? (
    <Tooltip title={text} placement="topLeft">
      <span>{text}</span>
    </Tooltip>
  ) : (
    <Typography.Text type="secondary">—</Typography.Text>
  );

/** What the 审核发现 column says: why a row was not audited, whom a duplicate repeats, then the findings' titles. */
const findingsText = (row: BulkTableRow): string => {
  const titles = row.codes.map((code) => FINDING_CODES[code].title);
  const parts = row.note ? [row.outcome === 'duplicate' ? `重复：${row.note}` : row.note, ...titles] : titles;
  return parts.join('；') || (row.outcome === 'audited' ? '没有审核发现' : '');
};

const Outcome = ({ outcome }: { outcome: RowOutcome }) => (
  <Tag color={OUTCOME_TEXT[outcome].color}>{OUTCOME_TEXT[outcome].label}</Tag>
);

const Findings = ({ row }: { row: BulkTableRow }) => {
  const note: ReactNode = row.note ? (
    <Typography.Paragraph style={{ marginBottom: 8 }}>
      <Outcome outcome={row.outcome} />
      {row.note}
    </Typography.Paragraph>
  ) : null;
  if (row.findings.length === 0)
    return (
      <>
        {note}
        {row.outcome === 'audited' || row.outcome === 'duplicate' ? (
          <Typography.Text type="secondary">没有审核发现</Typography.Text>
        ) : null}
      </>
    );
  return (
    <>
      {note}
      <ul className="plain-list">
        {row.findings.map((finding) => (
          <li key={`${finding.code}@${finding.where}:${finding.message}`} className="plain-list-item">
            <Space size={[8, 4]} wrap>
              <Tag color={SEVERITY_COLORS[finding.severity]}>{SEVERITY_LABELS[finding.severity]}</Tag>
              <strong>{FINDING_CODES[finding.code].title}</strong>
              <span>{finding.message}</span>
              {finding.place ? <Typography.Text type="secondary">（{finding.place}）</Typography.Text> : null}
            </Space>
          </li>
        ))}
      </ul>
    </>
  );
};

/** Each of the run's counts; a file of several forms counts once among files and once per form among forms. */
const Counts = ({ summary }: { summary: BulkSummary }) => {
  const counts = runCounts(summary);
  const items: [string, number, string?][] = [
    ['文件', counts.files],
    ['表', counts.forms],
    ['已审核（张）', counts.read],
    ['不是自评表（张）', counts.refused],
    ['已跳过的文件', counts.skippedFiles],
    ['重复的表', counts.duplicates, '#b45309'],
    ['含错误的表', summary.withErrors, '#b91c1c'],
    ['总分与复核不符', summary.totalsDiffering],
  ];
  return (
    <Row gutter={[16, 16]}>
      {items.map(([title, value, color]) => (
        <Col key={title} xs={12} sm={8} lg={3}>
          <Statistic title={title} value={value} styles={color ? { content: { color } } : undefined} />
        </Col>
      ))}
    </Row>
  );
};

/**
 * A finished bulk audit: files and forms counted apart, one sortable and filterable row per form (a file may hold
 * several) and per file or form not audited (skipped, with the reason; not a self-evaluation), duplicates marked
 * with the report they repeat, and the findings counted by kind.
 */
export const BulkAuditResult = ({ jobId, summary }: { jobId: string; summary: BulkSummary }) => {
  const rows = useMemo(() => tableRows(summary), [summary]);
  const [words, setWords] = useState('');
  // Filtered here rather than by the table, so the count above it says what is shown. The finding filter is also
  // set by clicking a finding in 按审核发现统计.
  const [gradeFilter, setGradeFilter] = useState<FilterValue | null>(null);
  const [codeFilter, setCodeFilter] = useState<FilterValue | null>(null);
  const [outcomeFilter, setOutcomeFilter] = useState<FilterValue | null>(null);
  const shown = useMemo(
    () =>
      rows.filter(
        (row) =>
          matchesWords(row, words) &&
          (!gradeFilter?.length || (row.grade !== null && gradeFilter.includes(row.grade))) &&
          (!codeFilter?.length || row.codes.some((code) => codeFilter.includes(code))) &&
          (!outcomeFilter?.length || outcomeFilter.includes(row.outcome)),
      ),
    [rows, words, gradeFilter, codeFilter, outcomeFilter],
  );
  const grades = Object.keys(summary.byGrade);
  const outcomes = OUTCOMES.filter((outcome) => rows.some((row) => row.outcome === outcome));

  return (
    <div style={STACK_STYLE}>
      <Card size="small">
        <Counts summary={summary} />
        <div style={{ marginTop: 12 }}>
          <Typography.Text type="secondary">按等级：</Typography.Text>
          {grades.map((grade) => (
            <Tag key={grade}>
              {gradeWord(grade)} {summary.byGrade[grade]}
            </Tag>
          ))}
        </div>
        <Space wrap style={{ marginTop: 12 }}>
          {DOWNLOADS.map((download) => (
            <Button key={download.kind} href={`/api/bulk-audits/${jobId}/${download.kind}`}>
              {download.label}
            </Button>
          ))}
        </Space>
      </Card>

      <Card size="small" title={`逐份结果（${shown.length} / ${rows.length}）`}>
        <Input.Search
          allowClear
          placeholder="按文件、项目、单位或原因筛选（空格分隔多个词）"
          aria-label="筛选报告"
          onChange={(event) => setWords(event.target.value)}
          style={{ maxWidth: 420, marginBottom: 12 }}
        />
        <Table<BulkTableRow>
          rowKey="key"
          size="small"
          aria-label="逐份结果"
          dataSource={shown}
          tableLayout="fixed"
          // Fits a 1280 px page as it is (审核发现 takes the rest); narrower, the table scrolls inside its card.
          scroll={{ x: 1200 }}
          pagination={{ defaultPageSize: 50, showSizeChanger: true }}
          onChange={(_pagination, filters) => {
            setGradeFilter(filters['grade'] ?? null);
            setCodeFilter(filters['codes'] ?? null);
            setOutcomeFilter(filters['outcome'] ?? null);
          }}
          expandable={{ expandedRowRender: (row) => <Findings row={row} />, columnWidth: 40 }}
          columns={[
            {
              title: '文件',
              dataIndex: 'file',
              width: 150,
              ellipsis: { showTitle: false },
              sorter: (a, b) => a.file.localeCompare(b.file) || (a.formIndex ?? 0) - (b.formIndex ?? 0),
              render: (file: string) => <Clipped text={file} />,
            },
            {
              title: '表序',
              dataIndex: 'formIndex',
              width: 52,
              align: 'right',
              render: (formIndex: number | null) => formIndex ?? '—',
            },
            {
              title: '结果',
              dataIndex: 'outcome',
              key: 'outcome',
              width: 100,
              filters: outcomes.map((outcome) => ({ text: OUTCOME_TEXT[outcome].label, value: outcome })),
              filteredValue: outcomeFilter,
              render: (outcome: RowOutcome, row) =>
                row.note ? (
                  <Tooltip title={row.note}>
                    <span>
                      <Outcome outcome={outcome} />
                    </span>
                  </Tooltip>
                ) : (
                  <Outcome outcome={outcome} />
                ),
            },
            {
              title: '项目',
              dataIndex: 'projectName',
              width: 130,
              ellipsis: { showTitle: false },
              sorter: (a, b) => a.projectName.localeCompare(b.projectName),
              render: (name: string) => <Clipped text={name} />,
            },
            {
              title: '单位',
              dataIndex: 'unit',
              width: 130,
              ellipsis: { showTitle: false },
              sorter: (a, b) => a.unit.localeCompare(b.unit),
              render: (unit: string) => <Clipped text={unit} />,
            },
            {
              title: '执行率',
              dataIndex: 'executionRate',
              width: 84,
              align: 'right',
              sorter: (a, b) => compareBlanksLast(a.executionRate, b.executionRate),
              render: (rate: number | null) => (rate === null ? '—' : `${rate}%`),
            },
            {
              title: '填报 / 复核总分',
              dataIndex: 'totalScore',
              width: 136,
              align: 'right',
              sorter: (a, b) => compareBlanksLast(a.totalScore, b.totalScore),
              render: (total: number | null, row) => {
                if (total === null) return '—';
                const text = `${score(row.statedTotal)} / ${score(total)}`;
                const differs = row.statedTotal !== null && row.statedTotal !== total;
                return differs ? <Typography.Text type="danger">{text}</Typography.Text> : text;
              },
            },
            {
              title: '等级',
              dataIndex: 'grade',
              key: 'grade',
              width: 96,
              filters: grades.map((grade) => ({ text: gradeWord(grade), value: grade })),
              filteredValue: gradeFilter,
              render: (grade: string | null, row) => (
                <>
                  <GradeTag grade={grade} />
                  {row.provisional ? <Typography.Text type="secondary">暂定</Typography.Text> : null}
                </>
              ),
            },
            {
              title: '错误/警告/提示',
              dataIndex: 'errors',
              width: 132,
              align: 'right',
              sorter: (a, b) => a.errors - b.errors || a.warnings - b.warnings || a.infos - b.infos,
              render: (errors: number, row) =>
                row.totalScore === null ? '—' : `${errors} / ${row.warnings} / ${row.infos}`,
            },
            {
              title: '审核发现',
              dataIndex: 'codes',
              key: 'codes',
              ellipsis: { showTitle: false },
              filters: summary.byCode.map((count) => ({ text: FINDING_CODES[count.code].title, value: count.code })),
              filterSearch: true,
              filteredValue: codeFilter,
              render: (_codes: BulkTableRow['codes'], row) => <Clipped text={findingsText(row)} />,
            },
          ]}
        />
      </Card>

      <Card size="small" title="按审核发现统计（点击筛选上表）">
        <Table<BulkCodeCount>
          rowKey="code"
          size="small"
          dataSource={summary.byCode}
          pagination={false}
          locale={{ emptyText: '没有审核发现' }}
          columns={[
            {
              title: '问题',
              dataIndex: 'code',
              render: (code: BulkCodeCount['code']) => (
                <Button type="link" size="small" onClick={() => setCodeFilter([code])}>
                  {FINDING_CODES[code].title}
                </Button>
              ),
            },
            {
              title: '级别',
              dataIndex: 'severity',
              width: 80,
              render: (severity: BulkCodeCount['severity']) => (
                <Tag color={SEVERITY_COLORS[severity]}>{SEVERITY_LABELS[severity]}</Tag>
              ),
            },
            { title: '表数', dataIndex: 'files', width: 80, align: 'right', sorter: (a, b) => a.files - b.files },
            {
              title: '发现数',
              dataIndex: 'findings',
              width: 80,
              align: 'right',
              sorter: (a, b) => a.findings - b.findings,
            },
          ]}
        />
      </Card>
    </div>
  );
};
