import {
  type BulkCodeCount,
  type BulkFailure,
  type BulkSummary,
  FINDING_CODES,
  formPlaceLabel,
  SEVERITY_LABELS,
} from '@jixiao/core';
import { Button, Card, Col, Input, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import type { FilterValue } from 'antd/es/table/interface';
import { useMemo, useState } from 'react';
import { GradeTag, gradeWord } from '../components/GradeTag.tsx';
import {
  type BulkTableRow,
  compareBlanksLast,
  entryKey,
  matchesWords,
  runCounts,
  tableRows,
} from './bulk-audit-data.ts';

const SEVERITY_COLORS = { error: 'red', warning: 'orange', info: 'blue' } as const;

const DOWNLOADS = [
  { kind: 'summary.xlsx', label: '下载 Excel 汇总' },
  { kind: 'summary.html', label: '下载网页版汇总' },
  { kind: 'summary.json', label: '下载 JSON' },
] as const;

const score = (value: number | null): string => (value === null ? '—' : value.toFixed(2));

const Findings = ({ row }: { row: BulkTableRow }) =>
  row.findings.length === 0 ? (
    <Typography.Text type="secondary">没有审核发现</Typography.Text>
  ) : (
    <ul className="plain-list">
      {row.findings.map((finding) => (
        <li key={`${finding.code}@${finding.where}:${finding.message}`} className="plain-list-item">
          <Space size={[8, 4]} wrap>
            <Tag color={SEVERITY_COLORS[finding.severity]}>{SEVERITY_LABELS[finding.severity]}</Tag>
            <strong title={finding.code}>{FINDING_CODES[finding.code].title}</strong>
            <span>{finding.message}</span>
            {finding.where ? (
              <Typography.Text type="secondary">（{formPlaceLabel(finding.where)}）</Typography.Text>
            ) : null}
          </Space>
        </li>
      ))}
    </ul>
  );

/**
 * A finished bulk audit: files and forms counted apart, one sortable and filterable row per form (a file may hold
 * several), the codes, the unreadable files and the forms that are not self-evaluations.
 */
export const BulkAuditResult = ({ jobId, summary }: { jobId: string; summary: BulkSummary }) => {
  const rows = useMemo(() => tableRows(summary.rows), [summary]);
  const [words, setWords] = useState('');
  // Filtered here rather than by the table, so the count above it says what is shown. The code filter is also
  // set by clicking a code in 按代码统计.
  const [gradeFilter, setGradeFilter] = useState<FilterValue | null>(null);
  const [codeFilter, setCodeFilter] = useState<FilterValue | null>(null);
  const shown = useMemo(
    () =>
      rows.filter(
        (row) =>
          matchesWords(row, words) &&
          (!gradeFilter?.length || gradeFilter.includes(row.grade)) &&
          (!codeFilter?.length || row.codes.some((code) => codeFilter.includes(code))),
      ),
    [rows, words, gradeFilter, codeFilter],
  );
  const grades = Object.keys(summary.byGrade);
  const counts = runCounts(summary);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small">
        <Row gutter={[16, 16]}>
          <Col xs={12} md={3}>
            <Statistic title="文件" value={counts.files} />
          </Col>
          <Col xs={12} md={3}>
            <Statistic title="表" value={counts.forms} />
          </Col>
          <Col xs={12} md={3}>
            <Statistic title="已审核（张）" value={counts.read} />
          </Col>
          <Col xs={12} md={3}>
            <Statistic title="不是自评表（张）" value={counts.refused} />
          </Col>
          <Col xs={12} md={3}>
            <Statistic title="无法读取的文件" value={counts.unreadableFiles} />
          </Col>
          <Col xs={12} md={3}>
            <Statistic title="含错误的表" value={summary.withErrors} styles={{ content: { color: '#b91c1c' } }} />
          </Col>
          <Col xs={12} md={3}>
            <Statistic title="总分与复核不符" value={summary.totalsDiffering} />
          </Col>
          <Col xs={24} md={3}>
            <Typography.Text type="secondary">按等级</Typography.Text>
            <div>
              {grades.map((grade) => (
                <Tag key={grade}>
                  {gradeWord(grade)} {summary.byGrade[grade]}
                </Tag>
              ))}
            </div>
          </Col>
        </Row>
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
          placeholder="按文件、项目或单位筛选（空格分隔多个词）"
          aria-label="筛选报告"
          onChange={(event) => setWords(event.target.value)}
          style={{ maxWidth: 420, marginBottom: 12 }}
        />
        <Table<BulkTableRow>
          rowKey="key"
          size="small"
          dataSource={shown}
          scroll={{ x: 1600 }}
          pagination={{ defaultPageSize: 50, showSizeChanger: true }}
          onChange={(_pagination, filters) => {
            setGradeFilter(filters['grade'] ?? null);
            setCodeFilter(filters['codes'] ?? null);
          }}
          expandable={{ expandedRowRender: (row) => <Findings row={row} /> }}
          columns={[
            {
              title: '文件',
              dataIndex: 'file',
              width: 220,
              sorter: (a, b) => a.file.localeCompare(b.file) || a.formIndex - b.formIndex,
            },
            { title: '表序', dataIndex: 'formIndex', width: 64, align: 'right' },
            {
              title: '项目',
              dataIndex: 'projectName',
              width: 200,
              sorter: (a, b) => a.projectName.localeCompare(b.projectName),
            },
            { title: '单位', dataIndex: 'unit', width: 200, sorter: (a, b) => a.unit.localeCompare(b.unit) },
            {
              title: '执行率',
              dataIndex: 'executionRate',
              width: 90,
              align: 'right',
              sorter: (a, b) => compareBlanksLast(a.executionRate, b.executionRate),
              render: (rate: number | null) => (rate === null ? '—' : `${rate}%`),
            },
            {
              title: '填报总分',
              dataIndex: 'statedTotal',
              width: 96,
              align: 'right',
              sorter: (a, b) => compareBlanksLast(a.statedTotal, b.statedTotal),
              render: score,
            },
            {
              title: '复核总分',
              dataIndex: 'totalScore',
              width: 96,
              align: 'right',
              sorter: (a, b) => a.totalScore - b.totalScore,
              render: score,
            },
            {
              title: '等级',
              dataIndex: 'grade',
              key: 'grade',
              width: 96,
              filters: grades.map((grade) => ({ text: gradeWord(grade), value: grade })),
              filteredValue: gradeFilter,
              render: (grade: string, row) => (
                <>
                  <GradeTag grade={grade} />
                  {row.provisional ? <Typography.Text type="secondary">暂定</Typography.Text> : null}
                </>
              ),
            },
            { title: '错误', dataIndex: 'errors', width: 72, align: 'right', sorter: (a, b) => a.errors - b.errors },
            {
              title: '警告',
              dataIndex: 'warnings',
              width: 72,
              align: 'right',
              sorter: (a, b) => a.warnings - b.warnings,
            },
            { title: '提示', dataIndex: 'infos', width: 72, align: 'right', sorter: (a, b) => a.infos - b.infos },
            {
              title: '审核发现',
              dataIndex: 'codes',
              key: 'codes',
              filters: summary.byCode.map((count) => ({ text: FINDING_CODES[count.code].title, value: count.code })),
              filterSearch: true,
              width: 380,
              filteredValue: codeFilter,
              render: (codes: BulkTableRow['codes']) => (
                <Space size={[4, 4]} wrap>
                  {codes.map((code) => (
                    <Tag key={code} title={code} color={SEVERITY_COLORS[FINDING_CODES[code].severity]}>
                      {FINDING_CODES[code].title}
                    </Tag>
                  ))}
                </Space>
              ),
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
                <Button type="link" size="small" title={code} onClick={() => setCodeFilter([code])}>
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

      <Card size="small" title={`无法读取的文件和不是自评表的表（${summary.failures.length}）`}>
        <Table<BulkFailure>
          rowKey={entryKey}
          size="small"
          dataSource={summary.failures}
          pagination={false}
          locale={{ emptyText: '所有文件都已读取，所有表都是自评表' }}
          columns={[
            { title: '文件', dataIndex: 'file', width: 260 },
            {
              title: '表序',
              dataIndex: 'formIndex',
              width: 64,
              align: 'right',
              render: (formIndex: BulkFailure['formIndex']) => formIndex ?? '整个文件',
            },
            { title: '代码', dataIndex: 'code', width: 140 },
            { title: '原因', dataIndex: 'reason' },
          ]}
        />
      </Card>
    </Space>
  );
};
