import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { installSynchronousDecompression } from './synchronous-decompression.ts';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

/** The built-in objects whose methods core-js (inside pdf.js's legacy build) may replace. */
const BUILT_INS: readonly object[] = [
  Array,
  Array.prototype,
  Object,
  String.prototype,
  JSON,
  Math,
  Promise,
  Map.prototype,
  Set.prototype,
  Uint8Array,
  Uint8Array.prototype,
];

const methodsOf = (target: object): Map<PropertyKey, PropertyDescriptor> => {
  const methods = new Map<PropertyKey, PropertyDescriptor>();
  for (const key of Reflect.ownKeys(target)) {
    const descriptor = Object.getOwnPropertyDescriptor(target, key);
    if (typeof descriptor?.value === 'function') methods.set(key, descriptor);
  }
  return methods;
};

/** Where pdf.js's worker half, once a Type 3 font is translated, parses the programs of all its glyphs. */
const TYPE3_GLYPH_LOAD = 'if (translatedFont.isType3Font) {';

/**
 * The worker half's source without the Type 3 glyph programs: when a Type 3 font loads, pdf.js turns every glyph's
 * drawing program into an operator list (hundreds of small streams a page in a report Chromium printed: a third of
 * the reading time), which only painting the glyphs needs. The reader reads text and ruling lines and never paints;
 * pdf.js has no option to skip it. Null when the source no longer holds that place exactly once (a pdf.js upgrade
 * that moved it): the reader then loads the worker unchanged — slower, never wrong — and the test of this function
 * fails, so the upgrade is noticed.
 */
export const textOnlyWorkerSource = (source: string): string | null => {
  const at = source.indexOf(TYPE3_GLYPH_LOAD);
  if (at < 0 || source.includes(TYPE3_GLYPH_LOAD, at + 1)) return null;
  return `${source.slice(0, at)}if (false) {${source.slice(at + TYPE3_GLYPH_LOAD.length)}`;
};

/** The worker module, without the Type 3 glyph programs when its source allows (see textOnlyWorkerSource). */
const importWorker = async (): Promise<unknown> => {
  const path = createRequire(import.meta.url).resolve('pdfjs-dist/legacy/build/pdf.worker.mjs');
  const textOnly = textOnlyWorkerSource(readFileSync(path, 'utf8'));
  if (textOnly === null) return import('pdfjs-dist/legacy/build/pdf.worker.mjs');
  // The worker half imports nothing by a relative path (only JPEG 2000's fallback, by an absolute URL), so it runs
  // the same from a data: URL; no file is written.
  return import(`data:text/javascript;base64,${Buffer.from(textOnly).toString('base64')}`);
};

/**
 * pdf.js's legacy build (the one that runs on Node 20, both its halves) carries core-js, which on import replaces some of Node's
 * own methods with JavaScript polyfills for the whole process, for proposals Node 20 lacks: JSON.parse and
 * JSON.stringify (source text access) and Array.prototype.push (an edge case of non-writable lengths). Every
 * later JSON.parse in the process ran about 1.7× slower. pdf.js uses none of those features: the native methods
 * are put back; what core-js added (Promise.withResolvers, Map.prototype.getOrInsert, Uint8Array.fromBase64 …),
 * which pdf.js does use, stays.
 */
const importKeepingNativeMethods = async (): Promise<PdfJs> => {
  const natives = BUILT_INS.map((target) => [target, methodsOf(target)] as const);
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  // The worker half (run in this thread under Node) carries its own core-js: load it now, where its changes are
  // undone too, and hand it to pdf.js, which would otherwise import it at the first document.
  const worker = await importWorker();
  Object.assign(globalThis, { pdfjsWorker: worker });
  for (const [target, methods] of natives) {
    for (const [key, descriptor] of methods) {
      if (Object.getOwnPropertyDescriptor(target, key)?.value !== descriptor.value) {
        Object.defineProperty(target, key, descriptor);
      }
    }
  }
  return pdfjs;
};

let pdfjs: Promise<PdfJs> | null = null;

/** pdf.js, loaded on first use (most runs read no PDF and it is large), with the process's natives kept. */
export const loadPdfJs = (): Promise<PdfJs> => {
  installSynchronousDecompression();
  pdfjs ??= importKeepingNativeMethods();
  return pdfjs;
};
