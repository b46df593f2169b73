import type { Block } from '../document.ts';
import { blocksFromMarkdown } from '../markdown/markdown-reader.ts';
import { blocksFromFlattenedText } from './tokenize.ts';

/**
 * How a text file lays its tables out, decided by its content, never its name: people paste a Word table
 * flattened (every cell on a line of its own starting with a tab — the seed), copy rows out of Excel or WPS
 * (one row a line, cells separated by tabs), export CSV, or write markdown pipe tables — and save any of them
 * as .txt or .md.
 */
export type TextLayout = 'flat' | 'tsv' | 'csv' | 'markdown' | 'prose';

const PIPE_ROW = /^\s*\|.*\|\s*$/u;
const FLAT_CELL = /^\t[^\t]*$/u;

/** Splits a CSV line at commas outside quotes; quotes doubled inside a quoted cell stand for one. */
const csvCells = (line: string): string[] => {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let index = 0; index < line.length; index++) {
    const char = line[index];
    if (quoted) {
      if (char === '"' && line[index + 1] === '"') {
        cell += '"';
        index++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"' && cell === '') quoted = true;
    else if (char === ',') {
      cells.push(cell);
      cell = '';
    } else cell += char;
  }
  cells.push(cell);
  return cells;
};

const looksLikeCsv = (lines: readonly string[]): boolean => {
  const counts = lines.filter((line) => line.trim() !== '').map((line) => csvCells(line).length);
  const wide = counts.filter((count) => count >= 4);
  if (wide.length < 5 || wide.length < counts.length * 0.6) return false;
  const modes = new Map<number, number>();
  for (const count of wide) modes.set(count, (modes.get(count) ?? 0) + 1);
  return Math.max(...modes.values()) >= wide.length * 0.5;
};

export const detectTextLayout = (text: string): TextLayout => {
  const lines = text.split('\n');
  const pipeRows = lines.filter((line) => PIPE_ROW.test(line)).length;
  const tabbed = lines.filter((line) => line.includes('\t'));
  const flat = tabbed.filter((line) => FLAT_CELL.test(line)).length;
  const rows = tabbed.length - flat;
  if (pipeRows >= 2 && pipeRows >= tabbed.length) return 'markdown';
  if (tabbed.length > 0) return rows > flat ? 'tsv' : 'flat';
  if (looksLikeCsv(lines)) return 'csv';
  return 'prose';
};

/**
 * Rows that are lines and cells split by `split` (TSV, CSV): consecutive rows make a table (blank lines inside
 * it are skipped), a line of plain text ends it and is a paragraph. A quoted cell may run over lines (Excel
 * quotes a cell that holds a line break).
 */
const blocksFromRows = (
  lines: readonly string[],
  isRow: (line: string) => boolean,
  split: (line: string) => string[],
) => {
  const blocks: Block[] = [];
  let table: string[][] | null = null;
  for (let index = 0; index < lines.length; index++) {
    let line = lines[index] ?? '';
    if (line.trim() === '') continue;
    if (!isRow(line)) {
      if (table) blocks.push({ kind: 'table', rows: table });
      table = null;
      blocks.push({ kind: 'paragraph', text: line.trim() });
      continue;
    }
    // An odd number of quotes: a quoted cell goes on over the next lines.
    while ((line.match(/"/gu)?.length ?? 0) % 2 === 1 && index + 1 < lines.length) line += `\n${lines[++index]}`;
    table ??= [];
    table.push(split(line).map((cell) => cell.replace(/^"([\s\S]*)"$/u, '$1').replace(/""/gu, '"')));
  }
  if (table) blocks.push({ kind: 'table', rows: table });
  return blocks;
};

/** The blocks of a text in whatever layout it has; a file mixing pipe tables with other lines is read piecewise. */
export const blocksFromText = (text: string): { layout: TextLayout; blocks: Block[] } => {
  const normalized = text.replace(/\r\n?/gu, '\n');
  const layout = detectTextLayout(normalized);
  switch (layout) {
    case 'markdown':
      return { layout, blocks: blocksFromMarkdown(normalized) };
    case 'tsv':
      return {
        layout,
        blocks: blocksFromRows(
          normalized.split('\n'),
          (line) => line.includes('\t'),
          (line) => line.split('\t'),
        ),
      };
    case 'csv':
      return {
        layout,
        blocks: blocksFromRows(normalized.split('\n'), (line) => csvCells(line).length >= 2, csvCells),
      };
    case 'flat':
    case 'prose':
      return { layout, blocks: mixedBlocks(normalized) };
  }
};

/** Flattened Word text, with any pipe tables in it read as tables. */
const mixedBlocks = (text: string): Block[] => {
  const blocks: Block[] = [];
  let run: string[] = [];
  let pipes = false;
  const flush = (): void => {
    if (run.length === 0) return;
    blocks.push(...(pipes ? blocksFromMarkdown(run.join('\n')) : blocksFromFlattenedText(run.join('\n'))));
    run = [];
  };
  for (const line of text.split('\n')) {
    const isPipe: boolean = PIPE_ROW.test(line) || (pipes && /^\s*\|?\s*:?-{2,}/u.test(line));
    if (isPipe !== pipes) {
      flush();
      pipes = isPipe;
    }
    run.push(line);
  }
  flush();
  return blocks;
};
