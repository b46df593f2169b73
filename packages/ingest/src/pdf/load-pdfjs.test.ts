import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { textOnlyWorkerSource } from './load-pdfjs.ts';

const installed = readFileSync(
  createRequire(import.meta.url).resolve('pdfjs-dist/legacy/build/pdf.worker.mjs'),
  'utf8',
);
const LOAD = 'if (translatedFont.isType3Font) {';

describe('textOnlyWorkerSource', () => {
  it('finds the Type 3 glyph load in the installed pdf.js exactly once and turns only it off', () => {
    const textOnly = textOnlyWorkerSource(installed);
    expect(textOnly).not.toBeNull();
    expect(textOnly).not.toContain(LOAD);
    expect(textOnly?.length).toBe(installed.length - LOAD.length + 'if (false) {'.length);
    expect(textOnly?.replace('if (false) {', LOAD)).toBe(installed);
  });

  it.each([
    ['missing (pdf.js moved it)', 'const a = 1;'],
    ['there twice', `${LOAD} a(); }\n${LOAD} b(); }`],
  ])('leaves the source alone when the place is %s', (_case, source) => {
    expect(textOnlyWorkerSource(source)).toBeNull();
  });
});
