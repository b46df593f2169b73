import type { BulkAuditView, BulkRow } from '@jixiao/core';
import { describe, expect, it } from 'vitest';
import {
  compareBlanksLast,
  entryKey,
  isActive,
  matchesWords,
  progressPercent,
  runCounts,
  tableRows,
  withLiveJob,
} from './bulk-audit-data.ts';

const row = (file: string, findings: BulkRow['findings'], formIndex = 1): BulkRow => ({
  file,
  formIndex,
  format: 'docx',
  projectName: '征收工作经费',
  department: '开福区住房和城乡建设局',
  unit: '开福区城市房屋征收和补偿管理办公室',
  year: 2022,
  executionRate: 73.03,
  statedTotal: 100,
  checkTotal: 100,
  totalScore: 97.3,
  grade: '优',
  provisional: false,
  findings,
  duplicateOf: null,
});

const finding = (code: BulkRow['findings'][number]['code'], severity: 'error' | 'info', where = '') => ({
  code,
  severity,
  message: '说明',
  where,
  place: where ? '总分与等级·自评总分' : '',
});

describe('the bulk audit result table', () => {
  it('counts findings per severity and lists each code once', () => {
    const report = row('单位/a.docx', [
      finding('TOTAL_MISMATCH', 'error', 'statedTotal.score'),
      finding('TYPO_SUSPECT', 'info'),
      finding('TYPO_SUSPECT', 'info'),
    ]);
    expect(tableRows({ rows: [report], failures: [] })[0]).toMatchObject({
      outcome: 'audited',
      note: '',
      errors: 1,
      warnings: 0,
      infos: 2,
      codes: ['TOTAL_MISMATCH', 'TYPO_SUSPECT'],
    });
  });

  it('keys each form of a file apart, and a whole-file failure apart from its first form', () => {
    const keys = tableRows({ rows: [row('决算.pdf', [], 1), row('决算.pdf', [], 2)], failures: [] }).map(
      (shown) => shown.key,
    );
    expect(new Set([...keys, entryKey({ file: '决算.pdf', formIndex: null })]).size).toBe(3);
  });

  it('lists duplicates, skipped files and refused forms among the audited ones, each with what to know', () => {
    const copy = { ...row('b.pdf', []), duplicateOf: { file: 'a.docx', formIndex: 1, reason: 'same-report' as const } };
    const shown = tableRows({
      rows: [copy, row('a.docx', [])],
      failures: [
        {
          file: 'c.jpg',
          formIndex: null,
          code: 'UNSUPPORTED_FORMAT',
          reason: 'c.jpg：不是可审核的自评报告格式，已跳过',
        },
        { file: 'a.docx', formIndex: 2, code: 'NOT_A_SELF_EVALUATION', reason: 'a.docx#2：这是绩效目标申报表' },
      ],
    });
    expect(shown.map(({ file, formIndex, outcome, note }) => [file, formIndex, outcome, note])).toEqual([
      ['a.docx', 1, 'audited', ''],
      ['a.docx', 2, 'refused', '这是绩效目标申报表'],
      ['b.pdf', 1, 'duplicate', '与“a.docx”是同一单位、同一项目、同一年度的自评表'],
      ['c.jpg', null, 'skipped', '不是可审核的自评报告格式，已跳过'],
    ]);
    expect(shown[3]).toMatchObject({ grade: null, totalScore: null, codes: [] });
  });

  it('shows the watched job in the list as last polled, and leaves the others as listed', () => {
    const job = (id: string, done: number): BulkAuditView => ({
      id,
      fileName: `${id}.zip`,
      ruleSetId: 'national-2020',
      status: 'running',
      done,
      total: 15,
      error: null,
      createdAt: '2026-01-01T00:00:00.000Z',
      startedAt: null,
      finishedAt: null,
    });
    const listed = [job('a', 0), job('b', 3)];
    expect(withLiveJob(listed, { ...job('a', 11), status: 'running' }).map((shown) => shown.done)).toEqual([11, 3]);
    expect(withLiveJob(listed, null)).toEqual(listed);
  });

  it('counts refused forms, skipped files and duplicates apart', () => {
    expect(runCounts({ files: 4, forms: 5, read: 3, failed: 3, duplicates: 1 })).toEqual({
      files: 4,
      forms: 5,
      read: 3,
      refused: 2,
      skippedFiles: 1,
      duplicates: 1,
    });
  });

  it('filters on every word typed, across file, project and unit', () => {
    const [report] = tableRows({ rows: [row('单位/a.docx', [])], failures: [] });
    if (!report) throw new Error('no row');
    expect(matchesWords(report, '')).toBe(true);
    expect(matchesWords(report, '征收  A.DOCX')).toBe(true);
    expect(matchesWords(report, '征收 教育局')).toBe(false);
  });

  it('sorts blanks after numbers and reports progress in whole percent', () => {
    expect([3, null, 1].sort(compareBlanksLast)).toEqual([1, 3, null]);
    expect(progressPercent({ done: 2, total: 3 })).toBe(66);
    expect(progressPercent({ done: 0, total: 0 })).toBe(0);
    expect([isActive('queued'), isActive('running'), isActive('done'), isActive('failed')]).toEqual([
      true,
      true,
      false,
      false,
    ]);
  });
});
