import { readFile } from 'node:fs/promises';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readReport } from '../src/index.ts';
import { fixture, readFixture, readFixtureForm } from './helpers.ts';

describe('other layouts', () => {
  it('reads a markdown report whose comparators sit in a 指标性质 column', async () => {
    const { form, format } = await readFixtureForm('markdown/comparator-column.md');
    expect(format).toBe('markdown');
    expect(form.projectName).toBe('环卫保洁经费');
    expect(form.implementingUnit).toBe('岳麓区环境卫生服务中心');
    expect(form.funds.total).toEqual({ initialBudget: '500', adjustedBudget: '520', executed: '498.6' });
    const complaints = form.indicators.find((row) => row.name.startsWith('市容环境投诉'));
    expect(complaints).toMatchObject({
      comparator: '反向',
      target: '120',
      actual: '138',
      level1: 'outcome',
      level2: 'social',
    });
    expect(form.indicators.map((row) => row.level1)).toEqual([
      'output',
      'output',
      'output',
      'output',
      'output',
      'outcome',
      'outcome',
      'satisfaction',
    ]);
    expect(form.narrative.sections.map((section) => section.number)).toEqual([1, 2, 3, 4, 5]);
  });

  it('reads a 计量单位 column', async () => {
    const { form } = await readFixtureForm('markdown/unit-column.md');
    expect(form.indicators[0]).toMatchObject({
      name: '居民健康档案建档人数',
      measureUnit: '万人',
      target: '42',
      actual: '43.6',
    });
    expect(form.narrative.sections.map((section) => section.number)).toEqual([1, 2, 7]);
  });

  it('reads flattened text from another template', async () => {
    const { form } = await readFixtureForm('text/wrong-exec-score.txt');
    expect(form.projectName).toBe('老旧小区改造项目');
    expect(form.implementingUnit).toBe('天心区老旧小区改造办公室');
    expect(form.funds.statedExecutionScore).toBe('10');
    expect(form.indicators).toHaveLength(6);
    expect(form.indicators[0]?.deviationNote).toBe('1个小区居民意见不统一，顺延至2024年');
    expect(form.statedTotal).toEqual({ weight: '100', score: '98.33' });
  });

  it('reads the project JSON format', async () => {
    const { form, format } = await readFixtureForm('json/valid-form.json');
    expect(format).toBe('json');
    expect(form.indicators.length).toBeGreaterThan(5);
  });

  it('reads GBK-encoded text, with a warning', async () => {
    const utf8 = await readFile(fixture('seed/kaifu-2022.txt'), 'utf8');
    const gbk = Buffer.from(new TextEncoder().encode(utf8)); // placeholder replaced below
    expect(gbk.length).toBeGreaterThan(0);
    const { execFileSync } = await import('node:child_process');
    const encoded = execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GB18030'], { input: utf8 });
    const result = await readReport({ bytes: encoded, fileName: 'gbk.txt' });
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.report.form.projectName).toBe('征收工作经费');
      expect(result.report.warnings.map((warning) => warning.code)).toContain('DECODED_AS_GB18030');
    }
  });
});

describe('bad input gets a clear error, never a crash', () => {
  it.each([
    ['bad/empty.txt', 'EMPTY_FILE', '文件为空'],
    ['bad/binary.bin', 'BINARY_FILE', '二进制'],
    ['bad/no-indicators.md', 'NO_INDICATORS', '没有任何指标行'],
    ['bad/not-a-report.txt', 'UNKNOWN_LAYOUT', '未找到“绩效指标”表头'],
  ])('%s → %s', async (path, code, words) => {
    const result = await readFixture(path);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe(code);
      expect(result.error.message).toContain(words);
      expect(result.error.message).toContain(path);
    }
  });

  it('reports JSON syntax errors with their line', async () => {
    const result = await readReport({
      bytes: new TextEncoder().encode('{\n  "formVersion": 1,\n  oops\n}'),
      fileName: 'x.json',
    });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('INVALID_JSON');
      expect(result.error.message).toContain('第 3 行');
    }
  });

  it('names each invalid field of a JSON form', async () => {
    const result = await readReport({
      bytes: new TextEncoder().encode('{"formVersion":1,"indicators":[{"weight":5}]}'),
      fileName: 'x.json',
    });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('VALIDATION_FAILED');
      expect(result.error.message).toContain('formType');
    }
  });

  it('goes by content, not by name: a zip is opened as an Office file, OLE and PDF are refused', async () => {
    for (const [magic, words] of [
      [[0x50, 0x4b, 0x03, 0x04, 0, 0], '损坏'],
      [[0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 'OLE'],
      [[0x25, 0x50, 0x44, 0x46, 0x2d, 0x31], 'PDF'],
    ] as const) {
      const result = await readReport({ bytes: Uint8Array.from(magic), fileName: 'report.txt' });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.message).toContain(words);
    }
  });

  it('never throws on arbitrary text or on a mangled seed', async () => {
    const seed = await readFile(fixture('seed/kaifu-2022.txt'), 'utf8');
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ maxLength: 400 }),
          fc
            .tuple(fc.nat(seed.length), fc.nat(seed.length), fc.string({ maxLength: 20 }))
            .map(([from, to, insert]) => seed.slice(0, Math.min(from, to)) + insert + seed.slice(Math.max(from, to))),
        ),
        fc.constantFrom('a.txt', 'a.md', 'a.json', 'a'),
        async (text, fileName) => {
          const result = await readReport({ bytes: new TextEncoder().encode(text), fileName });
          if (!result.ok) expect(result.error.message.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 300 },
    );
  });
});
