import type { Block } from '../document.ts';

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
