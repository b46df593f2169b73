/**
 * Documents (issue 5), each against a baseline measured in the same run:
 *  - PDF of the seed report through our Chromium renderer (browser reused, warm) against
 *    `libreoffice --headless --convert-to pdf` of the same report as .docx (warm: after one untimed run);
 *  - .docx import (readReport: guarded unzip, XML parse, table and narrative reading, form building) against a
 *    bare fflate unzipSync + fast-xml-parser parse of word/document.xml of the same file.
 *
 *   npx tsx bench/documents.bench.ts [rounds=10]        (needs chromium and libreoffice-writer-nogui)
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { evaluate } from '@jixiao/core';
import { readReport } from '@jixiao/ingest';
import { PdfRenderer, renderDocx, renderHtml } from '@jixiao/reports';
import { XMLParser } from 'fast-xml-parser';
import { unzipSync } from 'fflate';

const rounds = Number(process.argv[2] ?? 10);
const seed = await readReport({ bytes: readFileSync('fixtures/seed/kaifu-2022.txt'), fileName: 'kaifu-2022.txt' });
if (!seed.ok) throw new Error(seed.error.message);
const form = seed.report.form;
const result = evaluate(form);
const dir = mkdtempSync(join(tmpdir(), 'jixiao-bench-'));
const docx = await renderDocx(form, result);
const docxPath = join(dir, 'report.docx');
writeFileSync(docxPath, docx);

const median = (values: number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
const timeAsync = async (run: () => Promise<unknown>, times: number): Promise<number> => {
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const start = performance.now();
    await run();
    samples.push(performance.now() - start);
  }
  return median(samples);
};

const renderer = new PdfRenderer();
const html = renderHtml(form, result);
await renderer.render(html); // warm: browser launched, fonts loaded
const chromiumMs = await timeAsync(() => renderer.render(html), rounds);
await renderer.close();

const libreoffice = () =>
  execFileSync('libreoffice', ['--headless', '--norestore', '--convert-to', 'pdf', '--outdir', dir, docxPath], {
    stdio: 'ignore',
  });
libreoffice(); // warm: profile created, files in the page cache
const libreofficeMs = await timeAsync(async () => libreoffice(), Math.max(3, Math.floor(rounds / 2)));

const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, processEntities: false });
const bare = () => parser.parse(new TextDecoder().decode(unzipSync(docx)['word/document.xml']));
const importRounds = rounds * 20;
for (let i = 0; i < 20; i++) {
  bare();
  await readReport({ bytes: docx, fileName: 'report.docx' });
}
const bareMs = await timeAsync(async () => bare(), importRounds);
const importMs = await timeAsync(() => readReport({ bytes: docx, fileName: 'report.docx' }), importRounds);

const results = {
  date: new Date().toISOString(),
  node: process.version,
  pdf: {
    chromiumMs: Number(chromiumMs.toFixed(1)),
    libreofficeMs: Number(libreofficeMs.toFixed(1)),
    speedup: Number((libreofficeMs / chromiumMs).toFixed(2)),
  },
  docxImport: {
    bareUnzipParseMs: Number(bareMs.toFixed(2)),
    readReportMs: Number(importMs.toFixed(2)),
    ratio: Number((importMs / bareMs).toFixed(2)),
  },
};
writeFileSync(new URL('./results/documents.json', import.meta.url), `${JSON.stringify(results, null, 2)}\n`);
console.log(JSON.stringify(results, null, 2));
