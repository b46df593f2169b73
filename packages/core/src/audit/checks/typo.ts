import type { Finding } from '../../model/result.ts';
import { sectionLabel, sectionWhere } from '../../narrative/sections.ts';
import { type AuditCheck, finding, rowName } from '../context.ts';
import { STANDARD_TERMS } from '../standard-terms.ts';

/**
 * AUDIT-TYPO. A window of an indicator name or section heading that is one substitution (Hamming distance 1) away
 * from a standard term, or from a 4-character term used at least twice elsewhere in the report, is a suspect.
 *
 * Speed matters (bulk audit runs this on every report), so candidates are found through bigrams: two strings of
 * equal length at Hamming distance 1 share either their first two characters or the two after them. Windows
 * are indexed by those bigrams as numbers and the report is scanned once, without building substrings.
 */

const HAN_FIRST = 0x3400;
const HAN_LAST = 0x9fff;
const HAN_SPAN = HAN_LAST - HAN_FIRST + 1;

const isHan = (code: number): boolean => code >= HAN_FIRST && code <= HAN_LAST;

/**
 * Two Han characters as one small integer, or -1 when either is not Han (no suspect window holds one). The key
 * stays below 2^30 so V8 keeps it unboxed; a full 32-bit key would allocate a heap number on every lookup.
 */
const bigramAt = (text: string, index: number): number => {
  const first = text.charCodeAt(index);
  const second = text.charCodeAt(index + 1);
  return isHan(first) && isHan(second) ? (first - HAN_FIRST) * HAN_SPAN + (second - HAN_FIRST) : -1;
};

const allHan = (text: string, start: number, length: number): boolean => {
  for (let i = start; i < start + length; i++) if (!isHan(text.charCodeAt(i))) return false;
  return true;
};

/** Mismatches between `text` at `start` and `term`, stopping at 2. */
const mismatches = (text: string, start: number, term: string): number => {
  let count = 0;
  for (let i = 0; i < term.length && count < 2; i++) if (text.charCodeAt(start + i) !== term.charCodeAt(i)) count++;
  return count;
};

type TermIndex = Map<number, { term: string; offset: number }[]>;

const indexTerms = (terms: readonly string[]): TermIndex => {
  const index: TermIndex = new Map();
  for (const term of terms) {
    if (term.length < 4) continue;
    for (const offset of [0, 2]) {
      const key = bigramAt(term, offset);
      if (key < 0) continue;
      const list = index.get(key) ?? [];
      list.push({ term, offset });
      index.set(key, list);
    }
  }
  return index;
};

const STANDARD_INDEX = indexTerms(STANDARD_TERMS);
const NO_TERMS: readonly { term: string; offset: number }[] = [];
const STANDARD_TEXT = STANDARD_TERMS.join('|');

type Checked = { text: string; where: string; label: string };
type Suspect = { start: number; written: string; intended: string; reason: string };

/** Windows of `text` one substitution away from a standard term it does not already contain. */
const standardSuspects = (text: string): Suspect[] => {
  const found: Suspect[] = [];
  for (let p = 0; p + 1 < text.length; p++) {
    for (const { term, offset } of STANDARD_INDEX.get(bigramAt(text, p)) ?? NO_TERMS) {
      const start = p - offset;
      if (start < 0 || start + term.length > text.length || !allHan(text, start, term.length)) continue;
      if (mismatches(text, start, term) !== 1) continue;
      const written = text.slice(start, start + term.length);
      if (STANDARD_TEXT.includes(written)) continue;
      found.push({ start, written, intended: term, reason: '规范用语' });
    }
  }
  return found;
};

const countOccurrences = (haystack: string, needle: string): number => {
  let count = 0;
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + 1)) count++;
  return count;
};

/**
 * Windows of 4 characters one inner substitution away from a term used at least twice elsewhere in the report,
 * and more often than the window itself.
 */
const reportSuspects = (checked: readonly Checked[], corpus: string): Suspect[][] => {
  const windows = new Map<number, { item: number; start: number; offset: number }[]>();
  checked.forEach(({ text }, item) => {
    for (let start = 0; start + 4 <= text.length; start++) {
      if (!allHan(text, start, 4)) continue;
      for (const offset of [0, 2]) {
        const key = bigramAt(text, start + offset);
        const list = windows.get(key) ?? [];
        list.push({ item, start, offset });
        windows.set(key, list);
      }
    }
  });
  const neighbours = new Map<string, Set<string>>();
  for (let p = 0; p + 1 < corpus.length; p++) {
    const list = windows.get(bigramAt(corpus, p));
    if (!list) continue;
    for (const { item, start, offset } of list) {
      const at = p - offset;
      const text = checked[item]?.text ?? '';
      if (at < 0 || at + 4 > corpus.length || mismatches(corpus, at, text.slice(start, start + 4)) !== 1) continue;
      // Only an inner character may differ: windows that differ at an edge are two words' boundaries
      // ("收工作人" beside "收工作经"), not a misspelt term.
      if (corpus.charCodeAt(at) !== text.charCodeAt(start) || corpus.charCodeAt(at + 3) !== text.charCodeAt(start + 3))
        continue;
      if (!allHan(corpus, at, 4)) continue;
      const key = `${item}:${start}`;
      const set = neighbours.get(key) ?? new Set<string>();
      set.add(corpus.slice(at, at + 4));
      neighbours.set(key, set);
    }
  }
  const result: Suspect[][] = checked.map(() => []);
  for (const [key, terms] of neighbours) {
    const [item, start] = key.split(':').map(Number) as [number, number];
    const text = checked[item]?.text ?? '';
    const written = text.slice(start, start + 4);
    if (STANDARD_TEXT.includes(written)) continue;
    const writtenCount = countOccurrences(corpus, written);
    for (const term of terms) {
      const total = countOccurrences(corpus, term);
      const elsewhere = total - countOccurrences(text, term);
      if (elsewhere >= 2 && total > writtenCount) {
        result[item]?.push({ start, written, intended: term, reason: `本报告其他位置出现${elsewhere}次` });
      }
    }
  }
  return result;
};

/** Keeps the first suspect of each overlapping run, so one typo yields one finding. */
const nonOverlapping = (suspects: readonly Suspect[]): Suspect[] => {
  const kept: Suspect[] = [];
  for (const suspect of [...suspects].sort((a, b) => a.start - b.start)) {
    const last = kept.at(-1);
    if (!last || suspect.start >= last.start + last.written.length) kept.push(suspect);
  }
  return kept;
};

export const checkTypos: AuditCheck = ({ form }) => {
  const checked: Checked[] = [
    ...form.indicators.flatMap((row, index) =>
      row.name.trim()
        ? [{ text: row.name.trim(), where: `indicators[${index}].name`, label: rowName(form, index) }]
        : [],
    ),
    ...form.narrative.sections.map((section) => ({
      text: section.heading.trim(),
      where: sectionWhere(section),
      label: `报告标题“${sectionLabel(section)}”`,
    })),
  ];
  const corpus = [
    form.projectName,
    form.annualGoal.expected,
    form.annualGoal.actual,
    ...form.indicators.map((row) => row.name),
    ...form.narrative.sections.flatMap((section) => [section.heading, section.body]),
  ].join('\n');
  const fromReport = reportSuspects(checked, corpus);
  return checked.flatMap(({ text, where, label }, item): Finding[] =>
    nonOverlapping([...standardSuspects(text), ...(fromReport[item] ?? [])]).map((suspect) =>
      finding(
        'TYPO_SUSPECT',
        where,
        `${label}中的“${suspect.written}”疑似“${suspect.intended}”之误（${suspect.reason}）。`,
      ),
    ),
  );
};
