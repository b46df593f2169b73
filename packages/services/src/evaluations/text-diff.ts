import type { TextRun } from '@jixiao/core';

export type { TextRun } from '@jixiao/core';

/**
 * Chinese has no spaces between words, so text is compared token by token where a token is one Han character,
 * one punctuation mark or space, or a run of Latin letters and digits ("95", "2022", "km"): a changed figure
 * is replaced as a whole, not digit by digit.
 */
const TOKEN = /[A-Za-z0-9]+(?:\.[0-9]+)?|[\s\S]/gu;

const tokenize = (text: string): string[] => text.match(TOKEN) ?? [];

/** Above this many cells the LCS table is not built: the changed middle is shown as one delete and one insert. */
const MAX_CELLS = 4_000_000;

/** The longest common subsequence of two token lists, as runs (dynamic programming, O(n·m) in time and space). */
const lcsRuns = (a: readonly string[], b: readonly string[]): TextRun[] => {
  const n = a.length;
  const m = b.length;
  if (n === 0 || m === 0 || n * m > MAX_CELLS) {
    return [
      { op: 'delete', text: a.join('') },
      { op: 'insert', text: b.join('') },
    ];
  }
  // lengths[i][j] = LCS length of a[i..] and b[j..], flattened.
  const width = m + 1;
  const lengths = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i -= 1) {
    for (let j = m - 1; j >= 0; j -= 1) {
      lengths[i * width + j] =
        a[i] === b[j]
          ? (lengths[(i + 1) * width + j + 1] as number) + 1
          : Math.max(lengths[(i + 1) * width + j] as number, lengths[i * width + j + 1] as number);
    }
  }
  const runs: TextRun[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      runs.push({ op: 'equal', text: a[i] as string });
      i += 1;
      j += 1;
    } else if ((lengths[(i + 1) * width + j] as number) >= (lengths[i * width + j + 1] as number)) {
      runs.push({ op: 'delete', text: a[i] as string });
      i += 1;
    } else {
      runs.push({ op: 'insert', text: b[j] as string });
      j += 1;
    }
  }
  for (; i < n; i += 1) runs.push({ op: 'delete', text: a[i] as string });
  for (; j < m; j += 1) runs.push({ op: 'insert', text: b[j] as string });
  return runs;
};

/** Adjacent runs of one kind joined; within each changed stretch the deletion first, then the insertion. */
const merged = (runs: readonly TextRun[]): TextRun[] => {
  const out: TextRun[] = [];
  let deleted = '';
  let inserted = '';
  const flush = () => {
    if (deleted) out.push({ op: 'delete', text: deleted });
    if (inserted) out.push({ op: 'insert', text: inserted });
    deleted = '';
    inserted = '';
  };
  for (const run of runs) {
    if (run.text === '') continue;
    if (run.op === 'delete') deleted += run.text;
    else if (run.op === 'insert') inserted += run.text;
    else {
      flush();
      const last = out.at(-1);
      if (last?.op === 'equal') last.text += run.text;
      else out.push({ ...run });
    }
  }
  flush();
  return out;
};

/**
 * A kept single character between two changes is folded into them, so a rewritten clause reads as one
 * deletion and one insertion instead of confetti of shared particles (的, 了, 。).
 */
const withoutSlivers = (runs: readonly TextRun[]): TextRun[] => {
  const out: TextRun[] = [];
  runs.forEach((run, index) => {
    const between = index > 0 && index < runs.length - 1;
    if (run.op === 'equal' && between && [...run.text].length === 1) {
      out.push({ op: 'delete', text: run.text }, { op: 'insert', text: run.text });
    } else out.push(run);
  });
  return merged(out);
};

/**
 * Character-level diff of two texts: the runs kept, deleted and inserted, adjacent runs of one kind merged.
 * Joining the equal and delete runs gives `before`; the equal and insert runs give `after`.
 */
export const diffText = (before: string, after: string): TextRun[] => {
  if (before === after) return before ? [{ op: 'equal', text: before }] : [];
  const a = tokenize(before);
  const b = tokenize(after);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start += 1;
  let end = 0;
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end += 1;
  const runs: TextRun[] = [
    { op: 'equal', text: a.slice(0, start).join('') },
    ...lcsRuns(a.slice(start, a.length - end), b.slice(start, b.length - end)),
    { op: 'equal', text: a.slice(a.length - end).join('') },
  ];
  return withoutSlivers(merged(runs));
};

/** Similarity of two texts in [0, 1]: twice the common tokens over all tokens (1 when equal, 0 when disjoint). */
export const textSimilarity = (before: string, after: string): number => {
  if (before === after) return 1;
  const a = tokenize(before);
  const b = tokenize(after);
  if (a.length === 0 || b.length === 0) return 0;
  const common = diffText(before, after)
    .filter((run) => run.op === 'equal')
    .reduce((sum, run) => sum + tokenize(run.text).length, 0);
  return (2 * common) / (a.length + b.length);
};
