import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readReport } from '../read-report.ts';

const fixture = (path: string) =>
  new Uint8Array(readFileSync(fileURLToPath(new URL(`../../../../fixtures/${path}`, import.meta.url))));

/** A minimal PDF whose one page draws `content`, with a Helvetica font for text; offsets computed. */
const minimalPdf = (content: string): Uint8Array => {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(body.length);
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(body);
};

/** Taken when this file loads, before any test has loaded pdf.js (the reader loads it on the first PDF). */
const NATIVE_METHODS = { parse: JSON.parse, stringify: JSON.stringify, push: Array.prototype.push };

const withoutSpace = (text: string) => text.replace(/\s+/gu, '');

describe('the PDF reader', () => {
  it('leaves the process its own JSON and Array methods after loading pdf.js (whose core-js replaces them)', async () => {
    const read = await readReport({ bytes: fixture('pdf/kaifu-2022.pdf'), fileName: 'kaifu-2022.pdf' });
    expect(read.ok).toBe(true);
    // core-js's replacements print as [native code] too: compare the functions themselves.
    expect(JSON.parse).toBe(NATIVE_METHODS.parse);
    expect(JSON.stringify).toBe(NATIVE_METHODS.stringify);
    expect(Array.prototype.push).toBe(NATIVE_METHODS.push);
    // What core-js added and pdf.js relies on stays.
    expect('withResolvers' in Promise).toBe(true);
  });

  it('reads the seed report printed to PDF into the same form as its text', async () => {
    const [text, pdf] = await Promise.all([
      readReport({ bytes: fixture('seed/kaifu-2022.txt'), fileName: 'kaifu-2022.txt' }),
      readReport({ bytes: fixture('pdf/kaifu-2022.pdf'), fileName: 'kaifu-2022.pdf' }),
    ]);
    if (!text.ok || !pdf.ok) throw new Error('both should read');
    expect(pdf.report.format).toBe('pdf');
    const { narrative: textNarrative, ...textTable } = text.report.form;
    const { narrative: pdfNarrative, ...pdfTable } = pdf.report.form;
    // Every cell of the 自评表 — project, funds, goals, all 22 indicator rows, the total — as in the text.
    expect(pdfTable).toEqual(textTable);
    expect(pdfNarrative.title).toBe(textNarrative.title);
    expect(pdfNarrative.sections.map((section) => section.heading)).toEqual(
      textNarrative.sections.map((section) => section.heading),
    );
    // Line breaks and spacing follow the page, not the source; the words are the same.
    expect(pdfNarrative.sections.map((section) => withoutSpace(section.body))).toEqual(
      textNarrative.sections.map((section) => withoutSpace(section.body)),
    );
  });

  it.each([
    [
      'a truncated file',
      () => fixture('pdf/kaifu-2022.pdf').subarray(0, 40_000),
      'HOSTILE_FILE',
      /已损坏或不完整|无法解析/u,
    ],
    ['a page with no text (a scan)', () => minimalPdf('0 0 0 rg 100 100 200 200 re f'), 'NO_TEXT_LAYER', /扫描件/u],
    [
      'a PDF that is not a report',
      () => minimalPdf('BT /F1 12 Tf 72 720 Td (Notice of a meeting) Tj ET'),
      'UNKNOWN_LAYOUT',
      /未找到“绩效指标”表头/u,
    ],
    [
      'garbage after the PDF magic',
      () => new TextEncoder().encode('%PDF-1.7\n\u0000\u0001garbage'),
      'HOSTILE_FILE',
      /PDF/u,
    ],
  ])('refuses %s with a reason naming the file', async (_, bytes, code, message) => {
    const result = await readReport({ bytes: bytes(), fileName: 'upload.pdf' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe(code);
    expect(result.error.message).toMatch(/^upload\.pdf：/u);
    expect(result.error.message).toMatch(message);
  });

  it('knows a PDF by its bytes whatever it is called', async () => {
    const result = await readReport({ bytes: fixture('pdf/kaifu-2022.pdf'), fileName: 'report.docx' });
    expect(result.ok && result.report.format).toBe('pdf');
  });
});
