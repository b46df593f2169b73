import { describe, expect, it } from 'vitest';
import { type BulkDuplicate, duplicateLabel, markDuplicates } from './bulk-duplicates.ts';

type Row = {
  file: string;
  formIndex: number;
  unit: string;
  projectName: string;
  year: number | null;
  duplicateOf: BulkDuplicate | null;
};

const row = (file: string, projectName: string, unit = '开福区城市房屋征收和补偿管理办公室', formIndex = 1): Row => ({
  file,
  formIndex,
  unit,
  projectName,
  year: 2022,
  duplicateOf: null,
});

const marks = (rows: Row[], digests: Record<string, string> = {}) =>
  markDuplicates(rows, new Map(Object.entries(digests))).map((marked) => [marked.file, marked.duplicateOf]);

describe('duplicates in a bulk run', () => {
  it('marks a later file of the same unit, project and year, whatever its format and spacing', () => {
    expect(
      marks([
        row('征收经费.docx', '征收工作经费'),
        row('征收经费.pdf', ' 征收工作经费（ ）'),
        row('其他.docx', '其他项目'),
      ]),
    ).toEqual([
      ['征收经费.docx', null],
      ['征收经费.pdf', { file: '征收经费.docx', formIndex: 1, reason: 'same-report' }],
      ['其他.docx', null],
    ]);
  });

  it('tells identical bytes from the same report, and marks every later copy against the first', () => {
    expect(
      marks([row('a.docx', '项目甲'), row('b.docx', '项目甲'), row('c.pdf', '项目甲')], {
        'a.docx': 'x',
        'b.docx': 'x',
      }),
    ).toEqual([
      ['a.docx', null],
      ['b.docx', { file: 'a.docx', formIndex: 1, reason: 'same-bytes' }],
      ['c.pdf', { file: 'a.docx', formIndex: 1, reason: 'same-report' }],
    ]);
  });

  it('marks copies by their bytes even when the forms name no project, form by form', () => {
    expect(
      marks([row('a.pdf', '', '', 1), row('a.pdf', '', '', 2), row('b.pdf', '', '', 2)], {
        'a.pdf': 'y',
        'b.pdf': 'y',
      }),
    ).toEqual([
      ['a.pdf', null],
      ['a.pdf', null],
      ['b.pdf', { file: 'a.pdf', formIndex: 2, reason: 'same-bytes' }],
    ]);
  });

  it('does not match reports of other units or years, nor ones missing a unit, project or year', () => {
    const lastYear = { ...row('b.docx', '项目甲'), year: 2021 };
    const noYear = { ...row('c.docx', '项目甲'), year: null };
    expect(marks([row('a.docx', '项目甲'), lastYear, noYear, row('d.docx', '项目甲', '教育局')])).toEqual([
      ['a.docx', null],
      ['b.docx', null],
      ['c.docx', null],
      ['d.docx', null],
    ]);
  });

  it.each([
    [{ file: 'a.docx', formIndex: 1, reason: 'same-bytes' } as const, '与“a.docx”内容完全相同'],
    [
      { file: 'b.pdf', formIndex: 2, reason: 'same-report' } as const,
      '与“b.pdf”第 2 张表是同一单位、同一项目、同一年度的自评表',
    ],
  ])('says what %o repeats', (duplicate, label) => {
    expect(duplicateLabel(duplicate)).toBe(label);
  });
});
