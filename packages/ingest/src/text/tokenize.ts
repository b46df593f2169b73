import type { Block } from '../document.ts';

/**
 * Flattened Word text (the seed's format): a table cell starts with a tab, its text may run over several lines
 * and even blank lines ("项目支\n\n出名称"); a blank line followed by a new cell usually ends a row; two blank
 * lines followed by plain text end the table. Row breaks are only a hint — `formFromBlocks` re-joins a row
 * that a blank line inside a cell split.
 */
export const blocksFromFlattenedText = (text: string): Block[] => {
  const blocks: Block[] = [];
  let rows: string[][] | null = null;
  let row: string[] = [];
  let cellLines: string[] | null = null;
  let blanks = 0;

  const closeCell = (): void => {
    if (cellLines !== null) row.push(cellLines.join('\n'));
    cellLines = null;
  };
  const closeRow = (): void => {
    closeCell();
    if (rows !== null && row.length > 0) rows.push(row);
    row = [];
  };
  const closeTable = (): void => {
    closeRow();
    if (rows !== null && rows.length > 0) blocks.push({ kind: 'table', rows });
    rows = null;
  };

  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    if (line.trim() === '' && !line.includes('\t')) {
      blanks++;
      continue;
    }
    const pieces = line.split('\t');
    const startsCell = line.startsWith('\t');
    if (!startsCell && (rows === null || blanks >= 2)) {
      closeTable();
      const [first = '', ...cells] = pieces;
      if (cells.length === 0) {
        blocks.push({ kind: 'paragraph', text: first.trim() });
      } else {
        rows = [];
        row = [first, ...cells];
      }
      blanks = 0;
      continue;
    }
    if (rows === null) rows = [];
    if (startsCell && blanks >= 1 && (row.length > 0 || cellLines !== null)) closeRow();
    const [lead = '', ...cells] = pieces;
    if (!startsCell) {
      if (cellLines !== null) cellLines.push(lead);
      else cellLines = [lead];
    }
    for (const cell of cells) {
      closeCell();
      cellLines = [cell];
    }
    blanks = 0;
  }
  closeTable();
  return blocks;
};
