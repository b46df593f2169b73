import { refusal, streamedZip } from '@jixiao/ingest/testing';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { entryDisplayName, MAX_BULK_ZIP_BYTES, reportsInZip } from './reports-in-zip.ts';

/** Replaces an ASCII placeholder name with raw bytes in every header, leaving the UTF-8 flag unset. */
const renameEntry = (zip: Uint8Array, placeholder: string, name: readonly number[]): Uint8Array => {
  const from = strToU8(placeholder);
  expect(from.length).toBe(name.length);
  const out = zip.slice();
  for (let at = 0; at + from.length <= out.length; at++)
    if (from.every((byte, index) => out[at + index] === byte)) out.set(name, at);
  return out;
};

describe('the reports in an uploaded zip', () => {
  it('takes report files at any depth, in name order, skips other files with the reason, and leaves clutter alone', () => {
    const zip = zipSync({
      'b.docx': strToU8('b'),
      '单位/a.txt': strToU8('a'),
      '单位/深一层/c.PDF': strToU8('c'),
      '空文件夹/': new Uint8Array(),
      '__MACOSX/单位/._a.txt': strToU8('resource fork'),
      '.DS_Store': strToU8('x'),
      '单位/.隐藏.md': strToU8('hidden'),
      '~$b.docx': strToU8('lock'),
      'notes.csv': strToU8('not a report format'),
      '单位/照片.jpg': Uint8Array.from([0xff, 0xd8, 0xff, 0xe0]),
      README: strToU8('no extension'),
      'report.json': strToU8('{}'),
    });
    const { reports, skipped } = reportsInZip(zip, '收到的报告.zip');
    expect(reports.map((report) => report.file)).toEqual(['b.docx', 'report.json', '单位/a.txt', '单位/深一层/c.PDF']);
    expect(new TextDecoder().decode(reports[2]?.bytes)).toBe('a');
    // sha256 of "a"
    expect(reports[2]?.sha256).toBe('ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb');
    expect(skipped).toEqual([
      {
        file: 'notes.csv',
        formIndex: null,
        code: 'UNSUPPORTED_FORMAT',
        reason: expect.stringMatching(/^notes\.csv：\.csv 文件不是可审核的自评报告格式，已跳过/u),
      },
      {
        file: 'README',
        formIndex: null,
        code: 'UNSUPPORTED_FORMAT',
        reason: expect.stringContaining('没有扩展名的文件'),
      },
      {
        file: '单位/照片.jpg',
        formIndex: null,
        code: 'UNSUPPORTED_FORMAT',
        reason: expect.stringContaining('.jpg 文件'),
      },
    ]);
  });

  it('reads names stored in GBK (Windows 压缩) or in UTF-8 without the flag as they were written', () => {
    // 自评报告.txt in GBK: 自 D7D4 评 C6C0 报 B1A8 告 B8E6.
    const gbk = [0xd7, 0xd4, 0xc6, 0xc0, 0xb1, 0xa8, 0xb8, 0xe6, ...strToU8('.txt')];
    const utf8 = [...new TextEncoder().encode('自评.md')];
    const written = zipSync({ 'XXXXXXXX.txt': strToU8('gbk'), 'YYYYYY.md': strToU8('utf8') });
    const zip = renameEntry(renameEntry(written, 'XXXXXXXX.txt', gbk), 'YYYYYY.md', utf8);
    expect(reportsInZip(zip, 'windows.zip').reports.map((report) => report.file)).toEqual(['自评.md', '自评报告.txt']);
    expect(entryDisplayName('plain/ascii.txt')).toBe('plain/ascii.txt');
  });

  it('accepts a streamed zip whose large entries declare their sizes only after the data', () => {
    const text = strToU8(Array.from({ length: 200_000 }, (_, index) => `行${(index * 7919) % 1000}`).join(','));
    const { reports } = reportsInZip(streamedZip({ 'big.txt': text, 'small.md': strToU8('# 自评') }), 'mac.zip');
    expect(reports.map((report) => [report.file, report.bytes.length])).toEqual([
      ['big.txt', text.length],
      ['small.md', strToU8('# 自评').length],
    ]);
  });

  it('refuses what is not a zip, an empty zip and a zip without reports, naming the upload', () => {
    expect(refusal(() => reportsInZip(strToU8('自评报告正文'), 'a.zip'))).toMatchObject({
      code: 'UNSUPPORTED_FORMAT',
      message: expect.stringMatching(/^a\.zip：不是 zip 压缩包/u),
    });
    expect(refusal(() => reportsInZip(zipSync({}), 'empty.zip'))).toMatchObject({ code: 'EMPTY_FILE' });
    expect(refusal(() => reportsInZip(zipSync({ 'notes.csv': strToU8('x') }), 'csv.zip'))).toMatchObject({
      code: 'EMPTY_FILE',
      message: expect.stringContaining('没有可审核的自评报告'),
    });
    expect(refusal(() => reportsInZip(new Uint8Array(MAX_BULK_ZIP_BYTES + 1), 'huge.zip'))).toMatchObject({
      code: 'FILE_TOO_LARGE',
    });
  });

  it('refuses a truncated archive, whether cut inside an entry or in the directory at the end', () => {
    const zip = zipSync({ 'a.txt': strToU8('甲'.repeat(50_000)), 'b.txt': strToU8('乙'.repeat(50_000)) }, { level: 0 });
    for (const cut of [Math.floor(zip.length / 3), zip.length - 10]) {
      const error = refusal(() => reportsInZip(zip.subarray(0, cut), 'cut.zip'));
      expect(error.code).toBe('HOSTILE_FILE');
      expect(error.message).toMatch(/不完整|截断/u);
    }
  });

  it('refuses a zip bomb by its compression ratio while inflating, and a path that climbs out', () => {
    const bomb = zipSync({ 'report.txt': new Uint8Array(20 * 1024 * 1024) }, { level: 9 });
    expect(refusal(() => reportsInZip(bomb, 'bomb.zip'))).toMatchObject({
      code: 'HOSTILE_FILE',
      message: expect.stringMatching(/压缩比超过 200:1（疑似压缩炸弹）/u),
    });
    const climbing = zipSync({ '../../etc/report.txt': strToU8('x') });
    expect(refusal(() => reportsInZip(climbing, 'climb.zip'))).toMatchObject({
      code: 'HOSTILE_FILE',
      message: expect.stringContaining('越界路径'),
    });
  });
});
