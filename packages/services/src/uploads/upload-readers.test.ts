import { readFileSync } from 'node:fs';
import { AppError } from '@jixiao/core';
import { readReport } from '@jixiao/ingest';
import { deflatedRun, docxBomb, measureCost, zipOf } from '@jixiao/ingest/testing';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUploadReaders } from './upload-readers.ts';

const GIB = 1024 ** 3;
const MIB = 1024 ** 2;
const seed = readFileSync(new URL('../../../../fixtures/seed/kaifu-2022.txt', import.meta.url));

describe('reading uploads on worker threads', () => {
  const readers = createUploadReaders({ threads: 1 });

  // The thread starts on the first upload (tsx and the readers load there): started before anything is measured.
  beforeAll(async () => {
    await readers.readReport({ bytes: seed, fileName: 'warm-up.txt' });
  });

  afterAll(() => readers.close());

  it('reads a report into the same form as the calling thread would, and leaves the caller its bytes', async () => {
    const bytes = new Uint8Array(seed);
    const there = await readers.readReport({ bytes, fileName: 'kaifu-2022.txt' });
    expect(there).toEqual(await readReport({ bytes: seed, fileName: 'kaifu-2022.txt' }));
    expect(Buffer.from(bytes).equals(seed)).toBe(true);
  });

  it('refuses .docx bombs of 1 GiB and 5 GiB within a second of CPU and 100 MB of memory', async () => {
    for (const size of [GIB, 5 * GIB]) {
      const bomb = docxBomb(size);
      const { value, cpuMs, growthMb } = await measureCost(() =>
        readers.readReport({ bytes: bomb, fileName: 'bomb.docx' }),
      );
      expect(value).toMatchObject({ ok: false, error: { code: 'HOSTILE_FILE' } });
      if (!value.ok) {
        expect(value.error).toBeInstanceOf(AppError);
        expect(value.error.message).toMatch(/^bomb\.docx：.*疑似压缩炸弹/u);
      }
      expect(cpuMs).toBeLessThan(1000);
      expect(growthMb).toBeLessThan(100);
    }
  });

  it('hands back the reports of a zip, and refuses one whose entry is a bomb or that holds 20,000 files', async () => {
    const { reports } = await readers.reportsInZip(
      zipSync({ '单位/a.txt': seed, 'b.md': strToU8('# 自评') }),
      'ok.zip',
    );
    expect(reports.map(({ file, bytes }) => [file, bytes.length])).toEqual([
      ['b.md', strToU8('# 自评').length],
      ['单位/a.txt', seed.length],
    ]);

    const outerBomb = zipOf([{ name: '自评报告.docx', method: 8, data: deflatedRun(5 * GIB), size: 5 * GIB }]);
    const refused = await measureCost(() =>
      readers.reportsInZip(outerBomb, 'bomb.zip').catch((error: unknown) => error),
    );
    expect(refused.value).toBeInstanceOf(AppError);
    expect(refused.value).toMatchObject({ code: 'HOSTILE_FILE', message: expect.stringContaining('疑似压缩炸弹') });
    expect(refused.cpuMs).toBeLessThan(1000);
    expect(refused.growthMb).toBeLessThan(100);

    const files: Record<string, Uint8Array> = {};
    for (let index = 0; index < 20_000; index++) files[`${index}.txt`] = strToU8('甲');
    await expect(readers.reportsInZip(zipSync(files, { level: 0 }), 'many.zip')).rejects.toMatchObject({
      code: 'HOSTILE_FILE',
      message: 'many.zip：压缩包内文件超过 5000 个，已拒绝处理',
    });
  });

  it('takes a bomb stored in a bulk zip out whole, for its own reader to refuse', async () => {
    const inner = docxBomb(GIB);
    const [report] = (await readers.reportsInZip(zipSync({ '单位/炸弹.docx': inner }, { level: 0 }), 'stored.zip'))
      .reports;
    expect(report?.file).toBe('单位/炸弹.docx');
    expect(Buffer.from(report?.bytes ?? []).equals(Buffer.from(inner))).toBe(true);
    expect(await readers.readReport({ bytes: report?.bytes ?? inner, fileName: '炸弹.docx' })).toMatchObject({
      ok: false,
      error: { code: 'HOSTILE_FILE' },
    });
  });
});

describe('a file that exhausts its thread', () => {
  // A heap far below the default, so that a large but legitimate text file is enough to exhaust it.
  const readers = createUploadReaders({ threads: 1, memoryMb: 40 });

  afterAll(() => readers.close());

  it('is refused with a reason, the process lives on, and the next upload is read on a fresh thread', async () => {
    const large = Buffer.from(seed.toString('utf8').repeat(2400));
    expect(large.length).toBeGreaterThan(15 * MIB);
    expect(await readers.readReport({ bytes: large, fileName: 'large.txt' })).toMatchObject({
      ok: false,
      error: { code: 'HOSTILE_FILE', message: 'large.txt：读取时超出内存限制，已拒绝处理' },
    });
    expect(await readers.readReport({ bytes: seed, fileName: 'kaifu-2022.txt' })).toMatchObject({ ok: true });
  });
});
