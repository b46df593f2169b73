import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { AppError } from '@jixiao/core';
import type { Block } from '../document.ts';
import { formsFromBlocks } from '../form/form-from-blocks.ts';
import { importedForms } from '../form/imported.ts';
import type { ImportResult, ReportInput } from '../types.ts';
import { normalizeGlyphs } from './glyphs.ts';
import { loadPdfJs } from './load-pdfjs.ts';
import { blocksOfPage, type TextRun } from './page-blocks.ts';
import { type PaintOps, segmentsOfPage } from './page-geometry.ts';

export const MAX_PDF_BYTES = 50 * 1024 * 1024;
/** A self-evaluation report runs to a few dozen pages; a thousand-page PDF is not one. */
export const MAX_PDF_PAGES = 200;

/** pdf.js ships its character maps and standard fonts in the package: load them from disk, never the network. */
const pdfjsRoot = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
const assetsUrl = (folder: string) => pathToFileURL(`${join(pdfjsRoot, folder)}/`).href;

const failure = (
  code: 'ENCRYPTED_FILE' | 'HOSTILE_FILE' | 'NO_TEXT_LAYER' | 'FILE_TOO_LARGE',
  message: string,
): ImportResult => ({
  ok: false,
  error: new AppError(code, message),
});

const runsOf = (items: readonly unknown[]): TextRun[] =>
  items.flatMap((item) => {
    if (!item || typeof item !== 'object' || !('str' in item) || !('transform' in item)) return [];
    const { str, transform } = item;
    if (typeof str !== 'string' || str.trim() === '' || !Array.isArray(transform)) return [];
    const width = 'width' in item ? Number(item.width) : 0;
    const height = 'height' in item ? Number(item.height) : 0;
    const x = Number(transform[4]);
    const y = Number(transform[5]);
    if (![x, y, width, height].every(Number.isFinite)) return [];
    return [{ text: normalizeGlyphs(str), x, y, width, height }];
  });

/** A table that runs on from the previous page (same number of columns, nothing in between) is one table. */
const appendPage = (blocks: Block[], page: readonly Block[]): void => {
  const [first, ...rest] = page;
  const last = blocks.at(-1);
  if (first?.kind === 'table' && last?.kind === 'table' && first.rows[0]?.length === last.rows[0]?.length) {
    last.rows.push(...first.rows);
    blocks.push(...rest);
  } else blocks.push(...page);
};

/**
 * Reads a PDF that has a text layer (printed from Word, WPS or a browser): text runs and ruling lines per
 * page become paragraphs and tables, then the same form builder as every other format. A scan without text
 * is refused with a reason, as is an encrypted or broken file.
 */
export const readPdf = async ({ bytes, fileName }: ReportInput): Promise<ImportResult> => {
  if (bytes.byteLength > MAX_PDF_BYTES) {
    return failure('FILE_TOO_LARGE', `${fileName}：文件超过 ${MAX_PDF_BYTES / 1024 / 1024} MB`);
  }
  const lib = await loadPdfJs();
  const ops = lib.OPS satisfies PaintOps;
  const task = lib.getDocument({
    // pdf.js takes ownership of (and detaches) the buffer it is given: hand it a copy.
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    cMapUrl: assetsUrl('cmaps'),
    cMapPacked: true,
    standardFontDataUrl: assetsUrl('standard_fonts'),
    verbosity: 0,
  });
  let document: Awaited<typeof task.promise>;
  try {
    document = await task.promise;
  } catch (error) {
    await task.destroy();
    const name = error instanceof Error ? error.name : '';
    if (name === 'PasswordException') {
      return failure('ENCRYPTED_FILE', `${fileName}：PDF 已设置打开密码，请取消密码后再导入`);
    }
    return failure('HOSTILE_FILE', `${fileName}：PDF 文件已损坏或不完整，无法读取`);
  }
  try {
    if (document.numPages > MAX_PDF_PAGES) {
      return failure('HOSTILE_FILE', `${fileName}：PDF 共 ${document.numPages} 页，超过 ${MAX_PDF_PAGES} 页的上限`);
    }
    const blocks: Block[] = [];
    let textRuns = 0;
    for (let pageNumber = 1; pageNumber <= document.numPages; pageNumber++) {
      const page = await document.getPage(pageNumber);
      const runs = runsOf((await page.getTextContent()).items);
      textRuns += runs.length;
      const operators = await page.getOperatorList();
      appendPage(blocks, blocksOfPage(runs, segmentsOfPage(operators.fnArray, operators.argsArray, ops)));
      page.cleanup();
    }
    if (textRuns === 0) {
      return failure('NO_TEXT_LAYER', `${fileName}：PDF 没有可提取的文字（可能是扫描件），请导入 Word / Excel 原件`);
    }
    return importedForms(formsFromBlocks(blocks, fileName), 'pdf');
  } catch (error) {
    if (error instanceof AppError) return { ok: false, error };
    return failure(
      'HOSTILE_FILE',
      `${fileName}：PDF 内容无法解析（${error instanceof Error ? error.message.slice(0, 120) : '未知错误'}）`,
    );
  } finally {
    await document.destroy();
  }
};
