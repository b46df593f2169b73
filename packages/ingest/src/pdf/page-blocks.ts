import type { Block } from '../document.ts';
import type { Segment } from './page-geometry.ts';

/** A run of text as pdf.js places it: x from the left, y of the baseline from the bottom, in user space. */
export type TextRun = { text: string; x: number; y: number; width: number; height: number };

/** Positions closer than this (user-space units) are the same line / the same rule. */
const SNAP = 2;

type Rule = { at: number; spans: [number, number][] };

/** Rules on one axis grouped by position, their extents merged. */
const groupRules = (segments: readonly Segment[]): Rule[] => {
  const sorted = [...segments].sort((a, b) => a.at - b.at);
  const rules: Rule[] = [];
  for (const segment of sorted) {
    const last = rules.at(-1);
    if (last && segment.at - last.at <= SNAP) last.spans.push([segment.from, segment.to]);
    else rules.push({ at: segment.at, spans: [[segment.from, segment.to]] });
  }
  return rules;
};

const covers = (rule: Rule | undefined, position: number): boolean =>
  rule?.spans.some(([from, to]) => from - SNAP <= position && position <= to + SNAP) ?? false;

type Grid = { xs: Rule[]; ys: Rule[]; left: number; right: number; bottom: number; top: number };

/** Union–find over 0…size−1: rules that touch, and fine cells no rule separates, become one set. */
const disjointSets = (size: number) => {
  const parent = Array.from({ length: size }, (_, index) => index);
  const find = (index: number): number => {
    let root = index;
    while (parent[root] !== root) root = parent[root] ?? root;
    parent[index] = root;
    return root;
  };
  const union = (a: number, b: number): void => {
    const [low, high] = [find(a), find(b)].sort((x, y) => x - y);
    if (low !== undefined && high !== undefined) parent[high] = low;
  };
  return { find, union };
};

/** Groups of touching rules: each group with rules on both axes is one table. */
const gridsOf = (segments: readonly Segment[]): Grid[] => {
  const { find, union } = disjointSets(segments.length);
  const touches = (h: Segment, v: Segment) =>
    h.from - SNAP <= v.at && v.at <= h.to + SNAP && v.from - SNAP <= h.at && h.at <= v.to + SNAP;
  const horizontal = segments.flatMap((segment, index) => (segment.axis === 'h' ? [index] : []));
  const vertical = segments.flatMap((segment, index) => (segment.axis === 'v' ? [index] : []));
  for (const h of horizontal) {
    for (const v of vertical) {
      const a = segments[h];
      const b = segments[v];
      if (a && b && touches(a, b)) union(h, v);
    }
  }
  // A border drawn cell by cell is many short collinear pieces: pieces that meet end to end belong together.
  for (const indices of [horizontal, vertical]) {
    const ordered = [...indices].sort(
      (a, b) => (segments[a]?.at ?? 0) - (segments[b]?.at ?? 0) || (segments[a]?.from ?? 0) - (segments[b]?.from ?? 0),
    );
    for (let at = 1; at < ordered.length; at++) {
      const previous = segments[ordered[at - 1] ?? -1];
      const next = segments[ordered[at] ?? -1];
      if (previous && next && Math.abs(next.at - previous.at) <= SNAP && next.from <= previous.to + SNAP) {
        union(ordered[at] ?? 0, ordered[at - 1] ?? 0);
      }
    }
  }
  const groups = new Map<number, Segment[]>();
  for (const [index, segment] of segments.entries()) {
    const root = find(index);
    groups.set(root, [...(groups.get(root) ?? []), segment]);
  }
  return [...groups.values()].flatMap((group) => {
    const xs = groupRules(group.filter((segment) => segment.axis === 'v'));
    const ys = groupRules(group.filter((segment) => segment.axis === 'h')).reverse();
    if (xs.length < 2 || ys.length < 2) return [];
    const left = xs[0]?.at ?? 0;
    const right = xs.at(-1)?.at ?? 0;
    // A table continued from the previous page has no rule along its top (nor, before a break, its bottom):
    // the column rules still reach there, so their ends stand in for it.
    const columnsTop = Math.max(...group.flatMap((segment) => (segment.axis === 'v' ? [segment.to] : [])));
    const columnsBottom = Math.min(...group.flatMap((segment) => (segment.axis === 'v' ? [segment.from] : [])));
    if (columnsTop - (ys[0]?.at ?? columnsTop) > SNAP) ys.unshift({ at: columnsTop, spans: [[left, right]] });
    if ((ys.at(-1)?.at ?? columnsBottom) - columnsBottom > SNAP) ys.push({ at: columnsBottom, spans: [[left, right]] });
    const top = ys[0]?.at ?? 0;
    const bottom = ys.at(-1)?.at ?? 0;
    return [{ xs, ys, left, right, top, bottom }];
  });
};

/** What goes where a line wrapped: a space only between two words of Latin letters ("20 | 22" is one number). */
const wrapJoint = (before: string, after: string): string =>
  /[A-Za-z]$/u.test(before) && /^[A-Za-z]/u.test(after) ? ' ' : '';

/** Joins runs into lines (top to bottom, left to right); a wrapped CJK line continues without a space. */
const textOf = (runs: readonly TextRun[]): string => {
  const lines: TextRun[][] = [];
  for (const run of [...runs].sort((a, b) => b.y - a.y || a.x - b.x)) {
    const line = lines.at(-1);
    const first = line?.[0];
    if (line && first && Math.abs(first.y - run.y) <= Math.max(SNAP, run.height / 3)) line.push(run);
    else lines.push([run]);
  }
  let text = '';
  for (const line of lines) {
    const lineText = line
      .sort((a, b) => a.x - b.x)
      .map((run) => run.text)
      .join('');
    const joint = wrapJoint(text, lineText);
    text += joint + lineText;
  }
  return text.trim();
};

type Placed = { top: number; block: Block };

/**
 * A table from its grid: fine cells between neighbouring rules, merged where no rule separates them; a
 * merged cell's text is given once per column it spans and left empty on the rows below its first (the
 * neutral document's convention, as .docx gives it).
 */
const tableOf = (grid: Grid, runs: readonly TextRun[]): Block => {
  const rows = grid.ys.length - 1;
  const columns = grid.xs.length - 1;
  const id = (row: number, column: number) => row * columns + column;
  const { find, union } = disjointSets(rows * columns);
  const middleY = (row: number) => ((grid.ys[row]?.at ?? 0) + (grid.ys[row + 1]?.at ?? 0)) / 2;
  const middleX = (column: number) => ((grid.xs[column]?.at ?? 0) + (grid.xs[column + 1]?.at ?? 0)) / 2;
  for (let row = 0; row < rows; row++) {
    for (let column = 0; column < columns; column++) {
      if (column + 1 < columns && !covers(grid.xs[column + 1], middleY(row)))
        union(id(row, column), id(row, column + 1));
      if (row + 1 < rows && !covers(grid.ys[row + 1], middleX(column))) union(id(row, column), id(row + 1, column));
    }
  }
  const cellRuns = new Map<number, TextRun[]>();
  for (const run of runs) {
    const centerX = run.x + run.width / 2;
    const centerY = run.y + run.height / 3;
    const column = grid.xs.findIndex(
      (rule, index) => index < columns && rule.at <= centerX && centerX < (grid.xs[index + 1]?.at ?? rule.at),
    );
    const row = grid.ys.findIndex(
      (rule, index) => index < rows && centerY <= rule.at && (grid.ys[index + 1]?.at ?? rule.at) < centerY,
    );
    if (column < 0 || row < 0) continue;
    const cell = find(id(row, column));
    cellRuns.set(cell, [...(cellRuns.get(cell) ?? []), run]);
  }
  const firstRow = new Map<number, number>();
  for (let row = 0; row < rows; row++) {
    for (let column = 0; column < columns; column++) {
      const cell = find(id(row, column));
      if (!firstRow.has(cell)) firstRow.set(cell, row);
    }
  }
  const table: string[][] = [];
  for (let row = 0; row < rows; row++) {
    const cells: string[] = [];
    for (let column = 0; column < columns; column++) {
      const cell = find(id(row, column));
      cells.push(firstRow.get(cell) === row ? textOf(cellRuns.get(cell) ?? []) : '');
    }
    if (cells.some((cell) => cell !== '')) table.push(cells);
  }
  return { kind: 'table', rows: table };
};

/** A page number line such as "— 3 —" or "- 3 -" or "第 3 页". */
const PAGE_NUMBER = /^(?:[—–\-－]\s*\d+\s*[—–\-－]|第\s*\d+\s*页(?:\s*共\s*\d+\s*页)?|\d+)$/u;

/**
 * Paragraphs from the lines outside tables: a new paragraph where a line is indented, follows a gap, or
 * follows a line that stopped short of the right margin.
 */
const paragraphsOf = (runs: readonly TextRun[]): Placed[] => {
  const lines: { top: number; left: number; right: number; height: number; text: string }[] = [];
  const sorted = [...runs].sort((a, b) => b.y - a.y || a.x - b.x);
  let current: TextRun[] = [];
  const flush = () => {
    const first = current[0];
    if (!first) return;
    const text = textOf(current);
    if (text !== '' && !PAGE_NUMBER.test(text)) {
      lines.push({
        top: Math.max(...current.map((run) => run.y + run.height)),
        left: Math.min(...current.map((run) => run.x)),
        right: Math.max(...current.map((run) => run.x + run.width)),
        height: Math.max(...current.map((run) => run.height)),
        text,
      });
    }
    current = [];
  };
  for (const run of sorted) {
    const first = current[0];
    if (first && Math.abs(first.y - run.y) > Math.max(SNAP, run.height / 3)) flush();
    current.push(run);
  }
  flush();
  if (lines.length === 0) return [];
  const margin = Math.min(...lines.map((line) => line.left));
  const rightEdge = Math.max(...lines.map((line) => line.right));
  const placed: Placed[] = [];
  let paragraph: { top: number; text: string } | null = null;
  let previous: (typeof lines)[number] | null = null;
  for (const line of lines) {
    const size = line.height || 12;
    const startsNew =
      previous === null ||
      line.left - margin > size * 0.8 ||
      previous.top - line.top > previous.height * 2.2 ||
      rightEdge - previous.right > size * 2;
    if (startsNew || paragraph === null) {
      if (paragraph) placed.push({ top: paragraph.top, block: { kind: 'paragraph', text: paragraph.text } });
      paragraph = { top: line.top, text: line.text };
    } else {
      const joint = wrapJoint(paragraph.text, line.text);
      paragraph.text += joint + line.text;
    }
    previous = line;
  }
  if (paragraph) placed.push({ top: paragraph.top, block: { kind: 'paragraph', text: paragraph.text } });
  return placed;
};

/** Rough advance of a character in ems: ideographs and full-width forms are square, the rest about half. */
const emsOf = (char: string): number => (/[\u2e80-\u9fff\uff00-\uffef\u3000-\u303f]/u.test(char) ? 1 : 0.5);

/**
 * pdf.js joins text on one line into one run even across a cell border ("作经费（万元） 38" holds the end
 * of one cell and the whole next one, the gap become a space). A run that crosses a column rule is cut at
 * its spaces, each piece placed by its share of the run's width.
 */
const splitAtColumnRules = (runs: readonly TextRun[], grids: readonly Grid[]): TextRun[] =>
  runs.flatMap((run) => {
    const crosses = grids.some((grid) =>
      grid.xs.some(
        (rule) => run.x + SNAP < rule.at && rule.at < run.x + run.width - SNAP && covers(rule, run.y + run.height / 3),
      ),
    );
    if (!crosses || !/\S\s+\S/u.test(run.text)) return [run];
    const chars = [...run.text];
    const total = chars.reduce((sum, char) => sum + emsOf(char), 0) || 1;
    const pieces: TextRun[] = [];
    let offset = 0;
    for (const part of run.text.split(/(\s+)/u)) {
      const ems = [...part].reduce((sum, char) => sum + emsOf(char), 0);
      const width = (run.width * ems) / total;
      if (part.trim() !== '') pieces.push({ ...run, text: part, x: run.x + (run.width * offset) / total, width });
      offset += ems;
    }
    return pieces;
  });

/** One page as blocks in reading order: its tables from their ruling, the rest as paragraphs. */
export const blocksOfPage = (pageRuns: readonly TextRun[], segments: readonly Segment[]): Block[] => {
  const grids = gridsOf(segments);
  const runs = splitAtColumnRules(pageRuns, grids);
  const inside = (grid: Grid, run: TextRun) => {
    const x = run.x + run.width / 2;
    const y = run.y + run.height / 3;
    return grid.left - SNAP <= x && x <= grid.right + SNAP && grid.bottom - SNAP <= y && y <= grid.top + SNAP;
  };
  const placed: Placed[] = grids.map((grid) => ({
    top: grid.top,
    block: tableOf(
      grid,
      runs.filter((run) => inside(grid, run)),
    ),
  }));
  placed.push(...paragraphsOf(runs.filter((run) => !grids.some((grid) => inside(grid, run)))));
  return placed
    .filter((item) => item.block.kind === 'paragraph' || item.block.rows.length > 0)
    .sort((a, b) => b.top - a.top)
    .map((item) => item.block);
};
