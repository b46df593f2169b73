import { AppError } from '@jixiao/core';
import type { Block } from '../document.ts';
import { formFromBlocks } from '../form/form-from-blocks.ts';
import { decodeText } from '../text/decode.ts';
import type { ReportReader } from '../types.ts';

const TABLE_LINE = /^\s*\|.*\|\s*$/u;
const SEPARATOR = /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/u;

const cellsOf = (line: string): string[] =>
  line
    .trim()
    .replace(/^\|/u, '')
    .replace(/\|$/u, '')
    .split(/(?<!\\)\|/u)
    .map((cell) =>
      cell
        .replace(/\\\|/gu, '|')
        .replace(/<br\s*\/?>/giu, '\n')
        .trim(),
    );

/** Markdown: headings and paragraphs become paragraphs (the heading marks dropped), pipe tables become tables. */
export const blocksFromMarkdown = (text: string): Block[] => {
  const blocks: Block[] = [];
  let table: string[][] | null = null;
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    if (TABLE_LINE.test(line)) {
      if (SEPARATOR.test(line)) continue;
      table ??= [];
      table.push(cellsOf(line));
      continue;
    }
    if (table) {
      blocks.push({ kind: 'table', rows: table });
      table = null;
    }
    const paragraph = line
      .replace(/^\s{0,3}#{1,6}\s+/u, '')
      .replace(/\*\*(.+?)\*\*/gu, '$1')
      .trim();
    if (paragraph) blocks.push({ kind: 'paragraph', text: paragraph });
  }
  if (table) blocks.push({ kind: 'table', rows: table });
  return blocks;
};

export const markdownReader: ReportReader = {
  format: 'markdown',
  sniff: (_bytes, fileName) => /\.(md|markdown)$/iu.test(fileName),
  read: async ({ bytes, fileName }) => {
    const decoded = decodeText(bytes, fileName);
    if (!decoded.ok) return decoded;
    try {
      const form = formFromBlocks(blocksFromMarkdown(decoded.text), fileName);
      return { ok: true, report: { form, format: 'markdown', warnings: decoded.warnings } };
    } catch (error) {
      if (error instanceof AppError) return { ok: false, error };
      throw error;
    }
  },
};
