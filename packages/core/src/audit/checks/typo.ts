import type { EvaluationForm, NarrativeSection } from '../../model/form.ts';
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
 * are indexed by those bigrams (standard terms in a map keyed by number, the report's windows in reused typed
 * arrays) and the report is scanned once, without building substrings.
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

/** Mismatches between `length` characters of `a` at `atA` and of `b` at `atB`, stopping at 2. */
const mismatchesAt = (a: string, atA: number, b: string, atB: number, length: number): number => {
  let count = 0;
  for (let i = 0; i < length && count < 2; i++) if (a.charCodeAt(atA + i) !== b.charCodeAt(atB + i)) count++;
  return count;
};

/** Mismatches between `text` at `start` and `term`, stopping at 2. */
const mismatches = (text: string, start: number, term: string): number =>
  mismatchesAt(text, start, term, 0, term.length);

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

/** A checked text and what it is: a row's name (by index) or a section's heading. */
type Checked = { text: string; row: number } | { text: string; section: NarrativeSection };
type Suspect = { start: number; written: string; intended: string; reason: string };

/**
 * Standard-term suspects per name or heading already judged: these depend on the text alone, and templates give
 * most reports the same names (bounded; suspects are only read, never changed).
 */
const STANDARD_JUDGED = new Map<string, readonly Suspect[]>();

/** Windows of `text` one substitution away from a standard term it does not already contain. */
const standardSuspects = (text: string): readonly Suspect[] => {
  const known = STANDARD_JUDGED.get(text);
  if (known) return known;
  const found = findStandardSuspects(text);
  if (STANDARD_JUDGED.size >= 10_000) STANDARD_JUDGED.clear();
  STANDARD_JUDGED.set(text, found);
  return found;
};

const findStandardSuspects = (text: string): Suspect[] => {
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
 * The report's window bigrams, indexed by first character in arrays reused from report to report rather than a
 * map and a list per bigram built for each: HEAD[c] and TAIL[c] (valid while MARK[c] is this call's generation)
 * are the first and last entries whose bigram opens with c. An entry holds the bigram's second character, its
 * window (item, start, and offset 0 or 2 of the bigram in it) and the next entry opening with c, so a bigram's
 * windows are met in the order they were added.
 */
const MARK = new Int32Array(HAN_SPAN);
const HEAD = new Int32Array(HAN_SPAN);
const TAIL = new Int32Array(HAN_SPAN);
let generation = 0;
let entries = {
  second: new Int32Array(256),
  item: new Int32Array(256),
  start: new Int32Array(256),
  offset: new Int32Array(256),
  next: new Int32Array(256),
};

/** Doubles the entry arrays, keeping their entries (a report with more windows than any before it). */
const grow = (): void => {
  const size = entries.next.length * 2;
  const larger = (from: Int32Array) => {
    const to = new Int32Array(size);
    to.set(from);
    return to;
  };
  entries = {
    second: larger(entries.second),
    item: larger(entries.item),
    start: larger(entries.start),
    offset: larger(entries.offset),
    next: larger(entries.next),
  };
};

const addWindow = (count: number, text: string, item: number, start: number, offset: number): void => {
  if (count === entries.next.length) grow();
  entries.second[count] = text.charCodeAt(start + offset + 1);
  entries.item[count] = item;
  entries.start[count] = start;
  entries.offset[count] = offset;
  entries.next[count] = -1;
  const lead = text.charCodeAt(start + offset) - HAN_FIRST;
  if (MARK[lead] === generation) entries.next[TAIL[lead] ?? 0] = count;
  else {
    MARK[lead] = generation;
    HEAD[lead] = count;
  }
  TAIL[lead] = count;
};

/**
 * Windows of 4 characters one inner substitution away from a term used at least twice elsewhere in the report,
 * and more often than the window itself.
 */
const reportSuspects = (checked: readonly Checked[], corpus: string): Suspect[][] => {
  generation = generation === 0x7fffffff ? 1 : generation + 1;
  if (generation === 1) MARK.fill(0);
  let count = 0;
  checked.forEach(({ text }, item) => {
    for (let start = 0; start + 4 <= text.length; start++) {
      if (!allHan(text, start, 4)) continue;
      addWindow(count++, text, item, start, 0);
      addWindow(count++, text, item, start, 2);
    }
  });
  const { second, next } = entries;
  // A window as one number (start × items + item), not a "item:start" string.
  const items = checked.length;
  const neighbours = new Map<number, Set<string>>();
  for (let p = 0; p + 1 < corpus.length; p++) {
    const lead = corpus.charCodeAt(p) - HAN_FIRST;
    if (lead < 0 || lead >= HAN_SPAN || MARK[lead] !== generation) continue;
    const following = corpus.charCodeAt(p + 1);
    for (let e = HEAD[lead] ?? -1; e !== -1; e = next[e] ?? -1) {
      if (second[e] !== following) continue;
      const item = entries.item[e] ?? 0;
      const start = entries.start[e] ?? 0;
      const offset = entries.offset[e] ?? 0;
      const key = start * items + item;
      const at = p - offset;
      const text = checked[item]?.text ?? '';
      if (at < 0 || at + 4 > corpus.length || mismatchesAt(corpus, at, text, start, 4) !== 1) continue;
      // Only an inner character may differ: windows that differ at an edge are two words' boundaries
      // ("收工作人" beside "收工作经"), not a misspelt term.
      if (corpus.charCodeAt(at) !== text.charCodeAt(start) || corpus.charCodeAt(at + 3) !== text.charCodeAt(start + 3))
        continue;
      if (!allHan(corpus, at, 4)) continue;
      const set = neighbours.get(key) ?? new Set<string>();
      set.add(corpus.slice(at, at + 4));
      neighbours.set(key, set);
    }
  }
  const result: Suspect[][] = checked.map(() => []);
  for (const [key, terms] of neighbours) {
    const item = key % items;
    const start = (key - item) / items;
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

/** Where a checked text is and how a finding names it; written only for a text with a suspect (most have none). */
const placeOf = (form: EvaluationForm, checked: Checked): { where: string; label: string } =>
  'row' in checked
    ? { where: `indicators[${checked.row}].name`, label: rowName(form, checked.row) }
    : { where: sectionWhere(checked.section), label: `报告标题“${sectionLabel(checked.section)}”` };

export const checkTypos: AuditCheck = ({ form }) => {
  const checked: Checked[] = [];
  form.indicators.forEach((row, index) => {
    const text = row.name.trim();
    if (text) checked.push({ text, row: index });
  });
  for (const section of form.narrative.sections) checked.push({ text: section.heading.trim(), section });
  const corpus = [
    form.projectName,
    form.annualGoal.expected,
    form.annualGoal.actual,
    ...form.indicators.map((row) => row.name),
    ...form.narrative.sections.flatMap((section) => [section.heading, section.body]),
  ].join('\n');
  const fromReport = reportSuspects(checked, corpus);
  const findings: Finding[] = [];
  checked.forEach((item, index) => {
    const suspects = nonOverlapping([...standardSuspects(item.text), ...(fromReport[index] ?? [])]);
    if (suspects.length === 0) return;
    const { where, label } = placeOf(form, item);
    for (const suspect of suspects) {
      findings.push(
        finding(
          'TYPO_SUSPECT',
          where,
          `${label}中的“${suspect.written}”疑似“${suspect.intended}”之误（${suspect.reason}）。`,
        ),
      );
    }
  });
  return findings;
};
