import type { BulkRow } from '@jixiao/core';
import { describe, expect, it } from 'vitest';
import {
  compareBlanksLast,
  entryKey,
  isActive,
  matchesWords,
  progressPercent,
  runCounts,
  tableRows,
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
});

describe('the bulk audit result table', () => {
  it('counts findings per severity and lists each code once', () => {
    const report = row('单位/a.docx', [
      { code: 'TOTAL_MISMATCH', severity: 'error', message: '总分不符', where: '总分' },
      { code: 'TYPO_SUSPECT', severity: 'info', message: '疑似错字', where: '' },
      { code: 'TYPO_SUSPECT', severity: 'info', message: '疑似错字', where: '' },
    ]);
    expect(tableRows([report])[0]).toMatchObject({
      errors: 1,
      warnings: 0,
      infos: 2,
      codes: ['TOTAL_MISMATCH', 'TYPO_SUSPECT'],
    });
  });

  it('keys each form of a file apart, and a whole-file failure apart from its first form', () => {
    const keys = tableRows([row('决算.pdf', [], 1), row('决算.pdf', [], 2)]).map((shown) => shown.key);
    expect(new Set([...keys, entryKey({ file: '决算.pdf', formIndex: null })]).size).toBe(3);
  });

  it('counts refused forms and unreadable files apart', () => {
    expect(runCounts({ files: 4, forms: 5, read: 3, failed: 3 })).toEqual({
      files: 4,
      forms: 5,
      read: 3,
      refused: 2,
      unreadableFiles: 1,
    });
  });

  it('filters on every word typed, across file, project and unit', () => {
    const report = row('单位/a.docx', []);
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
