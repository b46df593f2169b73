/**
 * A narrative section's body as the blocks a reader sees. Readers keep a table inside the report text (the funds
 * table of section 二) as tab-separated lines, one per row; every renderer — the public page, Word and PDF — shows
 * those lines as one table and the rest as paragraphs, so the split lives here once.
 */
export type NarrativeBlock =
  | { kind: 'subheading'; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'table'; rows: NarrativeTableRow[] };

/**
 * A row of a narrative table. A Word table's merged cells come through as fewer cells on that row; which cell was
 * merged is lost, so one cell spans what is left of the widest row: the first when the row ends in a figure (a 合计
 * row, whose label spans the name columns, keeps its numbers under theirs), otherwise the last. Nothing is invented.
 */
export type NarrativeTableRow = { cells: { text: string; colSpan: number }[] };

const SUBHEADING = /^（[一二三四五六七八九十]+）/u;
const FIGURE = /^[-+]?[\d,，]*\.?\d+%?$/u;

const tableRows = (lines: string[][]): NarrativeTableRow[] => {
  const columns = Math.max(...lines.map((cells) => cells.length));
  return lines.map((cells) => {
    const spare = columns - cells.length;
    const spanning = FIGURE.test(cells.at(-1)?.trim() ?? '') ? 0 : cells.length - 1;
    return {
      cells: cells.map((text, index) => ({ text: text.trim(), colSpan: index === spanning ? spare + 1 : 1 })),
    };
  });
};

export const narrativeBlocks = (body: string): NarrativeBlock[] => {
  const blocks: NarrativeBlock[] = [];
  let table: string[][] = [];
  const flush = () => {
    if (table.length > 0) blocks.push({ kind: 'table', rows: tableRows(table) });
    table = [];
  };
  for (const line of body.split('\n')) {
    if (line.includes('\t')) {
      table.push(line.split('\t'));
      continue;
    }
    flush();
    const text = line.trim();
    if (text) blocks.push({ kind: SUBHEADING.test(text) ? 'subheading' : 'paragraph', text });
  }
  flush();
  return blocks;
};
