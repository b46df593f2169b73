import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { measureCost } from '../../testing/cost.ts';
import { refusal } from '../../testing/refusal.ts';
import { streamedZip } from '../../testing/streamed-zip.ts';
import { docxBomb } from '../../testing/zip-bombs.ts';
import { DEFAULT_ZIP_LIMITS, extractZipEntries, type ZipLimits } from './zip.ts';

const GIB = 1024 ** 3;
const MIB = 1024 ** 2;

/** What the Word reader asks of a .docx. */
const documentPart = (name: string) => name === 'word/document.xml';

/** Text that compresses about as well as a real report's XML (neither a bomb nor incompressible). */
const reportLikeText = (bytes: number): Uint8Array => {
  const rows: string[] = [];
  for (let index = 0, length = 0; length < bytes; index++) {
    const row = `<w:p><w:r><w:t>第${index}行 指标${(index * 7919) % 10007} 完成${(index * 31) % 997}%</w:t></w:r></w:p>`;
    rows.push(row);
    length += row.length;
  }
  return strToU8(rows.join('')).subarray(0, bytes);
};

describe('zip bombs are refused while inflating, at the first slice over a limit', () => {
  // Issue 14: a 1 MB .docx inflating to 1 GiB took ~19 s of CPU and 2.7 GB of memory before its refusal.
  for (const [label, size] of [
    ['1 GiB', GIB],
    ['5 GiB', 5 * GIB],
  ] as const) {
    for (const dataDescriptor of [false, true]) {
      it(`a .docx whose document inflates to ${label}${dataDescriptor ? ', sizes in a data descriptor' : ''}`, async () => {
        const bomb = docxBomb(size, { dataDescriptor });
        expect(bomb.length).toBeLessThan((size / GIB) * 1.1 * MIB);
        const cost = await measureCost(() => refusal(() => extractZipEntries(bomb, documentPart, 'bomb.docx')));
        expect(cost.value).toMatchObject({ code: 'HOSTILE_FILE', message: expect.stringContaining('疑似压缩炸弹') });
        // Refused after one 4 KB slice (~4 MB inflated); generous margins for a loaded two-core machine.
        expect(cost.cpuMs).toBeLessThan(1000);
        expect(cost.growthMb).toBeLessThan(100);
      });
    }
  }

  it('stops at the per-entry and the total limit, naming which', () => {
    const limits: ZipLimits = { maxEntries: 10, maxEntryBytes: MIB, maxTotalBytes: 1.5 * MIB, maxRatio: 1000 };
    const noise = (bytes: number) => Uint8Array.from({ length: bytes }, (_, index) => (index * 2654435761) >>> 24);
    expect(
      refusal(() => extractZipEntries(zipSync({ 'big.bin': noise(2 * MIB) }), () => true, 'a.zip', limits)),
    ).toMatchObject({ code: 'HOSTILE_FILE', message: 'a.zip：“big.bin”解压后超过 1 MB（疑似压缩炸弹），已拒绝处理' });
    const two = zipSync({ 'a.bin': noise(MIB), 'b.bin': noise(MIB) });
    expect(refusal(() => extractZipEntries(two, () => true, 'b.zip', limits))).toMatchObject({
      code: 'HOSTILE_FILE',
      message: 'b.zip：解压后内容超过 2 MB（疑似压缩炸弹），已拒绝处理',
    });
  });
});

describe('many entries', () => {
  const manyEntries = (count: number) => {
    const files: Record<string, Uint8Array> = {};
    for (let index = 0; index < count; index++) files[`报告/${index}.txt`] = strToU8('甲');
    return zipSync(files, { level: 0 });
  };

  it('refuses 20,000 entries as too many files, not as a broken archive', () => {
    const zip = manyEntries(20_000);
    expect(refusal(() => extractZipEntries(zip, () => true, 'many.zip'))).toMatchObject({
      code: 'HOSTILE_FILE',
      message: `many.zip：压缩包内文件超过 ${DEFAULT_ZIP_LIMITS.maxEntries} 个，已拒绝处理`,
    });
    const bulk: ZipLimits = { ...DEFAULT_ZIP_LIMITS, maxEntries: 5000 };
    expect(refusal(() => extractZipEntries(zip, () => true, 'many.zip', bulk))).toMatchObject({
      code: 'HOSTILE_FILE',
      message: 'many.zip：压缩包内文件超过 5000 个，已拒绝处理',
    });
  });

  it('reads 4,000 small entries under a limit of 5,000 (whole, fflate overflowed the stack at ~2,600)', () => {
    const entries = extractZipEntries(manyEntries(4000), () => true, 'ok.zip', {
      ...DEFAULT_ZIP_LIMITS,
      maxEntries: 5000,
    });
    expect(entries.size).toBe(4000);
    expect(new TextDecoder().decode(entries.get('报告/3999.txt'))).toBe('甲');
  });
});

describe('real archives read across many slices', () => {
  const text = reportLikeText(3 * MIB);
  const other = reportLikeText(100_000).reverse();

  it('gives deflated, stored and streamed entries back byte for byte', () => {
    for (const zip of [
      zipSync({ 'word/document.xml': text, 'word/styles.xml': other }, { level: 6 }),
      zipSync({ 'word/document.xml': text, 'word/styles.xml': other }, { level: 0 }),
      streamedZip({ 'word/document.xml': text, 'word/styles.xml': other }),
    ]) {
      const entries = extractZipEntries(zip, () => true, 'real.docx');
      expect(Buffer.from(entries.get('word/document.xml') ?? []).equals(Buffer.from(text))).toBe(true);
      expect(Buffer.from(entries.get('word/styles.xml') ?? []).equals(Buffer.from(other))).toBe(true);
    }
  });

  it('still finds a cut inside an entry', () => {
    const zip = zipSync({ 'word/document.xml': text }, { level: 6 });
    expect(refusal(() => extractZipEntries(zip.subarray(0, zip.length / 2), documentPart, 'cut.docx')).code).toBe(
      'HOSTILE_FILE',
    );
  });
});
