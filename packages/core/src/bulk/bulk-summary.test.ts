import { describe, expect, it } from 'vitest';
import { type BulkEntry, type BulkRow, currentBulkSummary, summarizeBulk } from './bulk-summary.ts';

const row = (file: string, formIndex: number, grade: string): BulkRow => ({
  file,
  formIndex,
  format: 'pdf',
  projectName: `项目${formIndex}`,
  department: '某县财政局',
  unit: '某县财政局',
  year: 2023,
  executionRate: 98,
  statedTotal: 95,
  checkTotal: 95,
  totalScore: 95,
  grade,
  provisional: false,
  findings: [
    {
      code: 'TOTAL_MISMATCH',
      severity: 'error',
      message: '总分不符',
      where: 'statedTotal.score',
      place: '总分与等级·自评总分',
    },
  ],
  duplicateOf: null,
});

/** A disclosure of three forms (the third a 申报表), a single report, and an unreadable file, in arrival order. */
const entries: BulkEntry[] = [
  { ok: true, row: row('b-决算.pdf', 2, '良') },
  {
    ok: false,
    failure: { file: 'c-坏.docx', formIndex: null, code: 'UNREADABLE_FILE', reason: 'c-坏.docx：无法读取' },
  },
  { ok: true, row: row('a-单项.docx', 1, '优') },
  { ok: false, failure: { file: 'b-决算.pdf', formIndex: 3, code: 'NOT_A_SELF_EVALUATION', reason: '申报表' } },
  { ok: true, row: row('b-决算.pdf', 1, '优') },
];

describe('a bulk summary of files holding several forms', () => {
  const summary = summarizeBulk(entries);

  it('counts distinct files and the forms found in them apart', () => {
    expect(summary).toMatchObject({ files: 3, forms: 4, read: 3, failed: 2, withErrors: 3 });
    expect(summary.byGrade).toEqual({ 优: 2, 良: 1 });
    expect(summary.byCode).toEqual([{ code: 'TOTAL_MISMATCH', severity: 'error', findings: 3, files: 3 }]);
  });

  it('orders rows and failures by file, then by form', () => {
    expect(summary.rows.map(({ file, formIndex }) => `${file}#${formIndex}`)).toEqual([
      'a-单项.docx#1',
      'b-决算.pdf#1',
      'b-决算.pdf#2',
    ]);
    expect(summary.failures.map(({ file, formIndex }) => [file, formIndex])).toEqual([
      ['b-决算.pdf', 3],
      ['c-坏.docx', null],
    ]);
  });

  it('reads a summary stored before forms were counted as one form per file', () => {
    // A run of one form per file: the single report and the unreadable file.
    const oneFormPerFile = entries.filter((entry) =>
      entry.ok ? entry.row.file === 'a-单项.docx' : entry.failure.formIndex === null,
    );
    const { forms: _forms, duplicates: _duplicates, rows, failures, ...counts } = summarizeBulk(oneFormPerFile);
    // Nor were duplicates marked or findings placed.
    const stored = {
      ...counts,
      rows: rows.map(({ formIndex: _index, duplicateOf: _duplicate, ...rest }) => ({
        ...rest,
        findings: rest.findings.map(({ place: _place, ...finding }) => finding),
      })),
      failures: failures.map(({ formIndex: _index, ...rest }) => rest),
    };
    const current = currentBulkSummary(stored);
    expect(current).toMatchObject({ files: 2, forms: 1, read: 1, failed: 1, duplicates: 0 });
    expect(current.rows[0]).toMatchObject({ formIndex: 1, duplicateOf: null });
    expect(current.rows[0]?.findings[0]?.place).toBe('总分与等级·自评总分');
    expect(current.failures[0]?.formIndex).toBeNull();
    expect(currentBulkSummary(summary)).toEqual(summary);
  });
});
