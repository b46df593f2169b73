/**
 * QUAL-2 step 0: what negation does to a verbal actual. A negator governs the predicate that follows it
 * ("未能有效保障", "效果不明显"), so that predicate must never be read as achieved; a negated adverse event
 * ("未发生安全事故", "零投诉") is an achievement, not a failure; and words that only contain a negator's
 * character (不断, 非常, 未来, 不低于 …) are no negation at all. The vocabulary's tiers are the rule set's;
 * this module only says which words are governed by which negator, and what text is left free of any.
 */

import {
  ABSENCE_MARKER,
  ADVERSE,
  ADVERSE_COUNT,
  IDIOMS,
  NEGATORS,
  type Negator,
  NOT_APPLICABLE,
  NOT_NEGATIONS,
  PART,
  PENDING,
  PRESENCE,
  SHORTFALL,
  WHOLE,
} from './negation-words.ts';

/** A limit on a negation that makes it partial: 部分未完成, 未全部完成, 有待提高. */
export type NegationLimit = { kind: 'part' | 'whole' | 'pending'; word: string };

export type NegationReading =
  /** A negator governing a predicate: "未能" + "有效保障". */
  | { kind: 'negated'; phrase: string; negator: string; term: string; limit: NegationLimit | null }
  /** An adverse event said not to have happened: "未发生" + "安全事故", "零" + "投诉", "投诉为零", "杜绝" + "浪费". */
  | { kind: 'absence'; phrase: string; marker: string; adverse: string; by: 'negator' | 'zero' | 'prevention' }
  /** An adverse event said to have happened: "发生1起安全事故". */
  | { kind: 'presence'; phrase: string; marker: string; adverse: string }
  /** A shortcoming admitted beside the result: "仍有不足", "存在差距". */
  | { kind: 'shortfall'; phrase: string; word: string }
  /** A set phrase that is praise although it holds a negator: 不错, 不折不扣, 准确无误. */
  | { kind: 'idiom'; phrase: string }
  /** A negator whose predicate is not a known word: the text cannot be read safely. */
  | { kind: 'unresolved'; phrase: string; negator: string; governed: string }
  /** "不涉及", "不适用": the indicator does not apply; no tier can be given. */
  | { kind: 'notApplicable'; phrase: string };

export type ClauseReading = {
  clause: string;
  negations: NegationReading[];
  /** Runs of the clause outside every negation, where vocabulary words may be matched as written. */
  free: string[];
  /** Words that hold a negator's character but were read as no negation (不断, 非常, 不低于 …). */
  notNegations: string[];
};

const HAN = /\p{Script=Han}/u;

/** Words to look for after a negator, indexed by first character, longest first. */
export type TermIndex = ReadonlyMap<string, readonly string[]>;

export const termIndex = (words: readonly string[]): TermIndex => {
  const index = new Map<string, string[]>();
  for (const word of new Set(words)) {
    const first = word[0];
    if (first === undefined) continue;
    const list = index.get(first) ?? [];
    list.push(word);
    index.set(first, list);
  }
  for (const list of index.values()) list.sort((a, b) => b.length - a.length);
  return index;
};

const termAt = (text: string, at: number, terms: TermIndex, allowSingle: boolean): string | null => {
  const first = text[at];
  if (first === undefined) return null;
  for (const word of terms.get(first) ?? []) {
    if ((allowSingle || word.length >= 2) && text.startsWith(word, at)) return word;
  }
  return null;
};

const ADVERSE_INDEX = termIndex(ADVERSE);
const adverseAt = (text: string, at: number): string | null => termAt(text, at, ADVERSE_INDEX, true);

const stickyMatch = (pattern: RegExp, text: string, at: number): RegExpExecArray | null => {
  pattern.lastIndex = at;
  return pattern.exec(text);
};

const negatorAt = (text: string, at: number): Negator | null =>
  NEGATORS.find((negator) => text.startsWith(negator.word, at)) ?? null;

type Found =
  | { kind: 'term'; at: number; word: string }
  | { kind: 'adverse'; at: number; word: string }
  | { kind: 'nothing' };

/** The first adverse word or known predicate within `reach` characters of `from`; another negator ends the search. */
const governed = (clause: string, from: number, reach: number, terms: TermIndex): Found => {
  for (let at = from; at < clause.length && at <= from + reach; at += 1) {
    const mask = stickyMatch(NOT_NEGATIONS, clause, at);
    if (mask) {
      at += mask[0].length - 1;
      continue;
    }
    const adverse = adverseAt(clause, at);
    if (adverse) return { kind: 'adverse', at, word: adverse };
    // One character only right after the negator and closing the phrase: 不高, 欠佳, but not 无大的事故.
    const term = termAt(clause, at, terms, at === from && !HAN.test(clause[at + 1] ?? ''));
    if (term) return { kind: 'term', at, word: term };
    if (negatorAt(clause, at)) return { kind: 'nothing' };
  }
  return { kind: 'nothing' };
};

/** After a term, the predicate may run on ("按时" + "完成"): the whole chain is governed. */
const chainEnd = (clause: string, at: number, terms: TermIndex): number => {
  let end = at;
  for (let next = termAt(clause, end, terms, false); next !== null; next = termAt(clause, end, terms, false)) {
    end += next.length;
  }
  return end;
};

const partBefore = (before: string): string | null => {
  let last: RegExpExecArray | null = null;
  for (const match of before.matchAll(PART)) last = match;
  return last?.[2] ?? null;
};

type Step = { reading: NegationReading | null; end: number; notNegation?: string };

/** Free text runs until a negator, a known word or a clause end; an absence swallows its trailing words. */
const nextStop = (clause: string, from: number, terms: TermIndex): number => {
  for (let at = from; at < clause.length; at += 1) {
    if (negatorAt(clause, at) || termAt(clause, at, terms, false) || stickyMatch(PRESENCE, clause, at)) return at;
  }
  return clause.length;
};

const readNegator = (clause: string, at: number, terms: TermIndex): Step | null => {
  const candidates = NEGATORS.filter((negator) => clause.startsWith(negator.word, at));
  for (const negator of candidates) {
    const from = at + negator.word.length;
    const found = governed(clause, from, negator.reach, terms);
    if (found.kind === 'adverse') {
      const end = nextStop(clause, found.at + found.word.length, terms);
      const phrase = clause.slice(at, found.at + found.word.length);
      return { reading: { kind: 'absence', phrase, marker: negator.word, adverse: found.word, by: 'negator' }, end };
    }
    if (found.kind === 'term') {
      const whole = WHOLE.exec(clause.slice(from));
      const part = partBefore(clause.slice(0, at));
      const limit: NegationLimit | null = whole?.[1]
        ? { kind: 'whole', word: whole[1] }
        : part
          ? { kind: 'part', word: part }
          : null;
      const termEnd = chainEnd(clause, found.at + found.word.length, terms);
      const reading: NegationReading = {
        kind: 'negated',
        phrase: clause.slice(at, termEnd),
        negator: negator.word,
        term: clause.slice(found.at, termEnd),
        limit,
      };
      // The rest of the clause stays under the negation ("未能有效保障征收工作正常开展").
      return { reading, end: clause.length };
    }
  }
  const widest = candidates[0];
  if (!widest || candidates.every((negator) => negator.optional)) return null;
  const whole = WHOLE.exec(clause.slice(at + widest.word.length));
  if (whole?.[1]) {
    const phrase = clause.slice(at);
    const limit: NegationLimit = { kind: 'whole', word: whole[1] };
    return { reading: { kind: 'negated', phrase, negator: widest.word, term: whole[1], limit }, end: clause.length };
  }
  const governedText = clause.slice(at + widest.word.length);
  return {
    reading: { kind: 'unresolved', phrase: clause.slice(at), negator: widest.word, governed: governedText },
    end: clause.length,
  };
};

/** Nothing before `at` acts on what follows: "全年安全事故为零" counts events, "整改问题5个" does not. */
const plainBefore = (clause: string, at: number, terms: TermIndex): boolean => {
  for (let i = 0; i < at; i += 1) {
    if (negatorAt(clause, i) || termAt(clause, i, terms, false)) return false;
  }
  return true;
};

const readPending = (clause: string, at: number, terms: TermIndex): Step | null => {
  const marker = PENDING.find((word) => clause.startsWith(word, at));
  if (!marker) return null;
  const found = governed(clause, at + marker.length, 6, terms);
  const phrase = clause.slice(at);
  if (found.kind !== 'term') {
    return {
      reading: { kind: 'unresolved', phrase, negator: marker, governed: clause.slice(at + marker.length) },
      end: clause.length,
    };
  }
  const term = clause.slice(found.at, chainEnd(clause, found.at + found.word.length, terms));
  const limit: NegationLimit = { kind: 'pending', word: marker };
  return { reading: { kind: 'negated', phrase, negator: marker, term, limit }, end: clause.length };
};

const step = (clause: string, at: number, terms: TermIndex): Step | null => {
  const idiom = stickyMatch(IDIOMS, clause, at);
  if (idiom) return { reading: { kind: 'idiom', phrase: idiom[0] }, end: at + idiom[0].length };
  const notApplicable = stickyMatch(NOT_APPLICABLE, clause, at);
  if (notApplicable) return { reading: { kind: 'notApplicable', phrase: notApplicable[0] }, end: clause.length };
  const shortfall = stickyMatch(SHORTFALL, clause, at);
  if (shortfall?.[1]) {
    return { reading: { kind: 'shortfall', phrase: shortfall[0], word: shortfall[1] }, end: at + shortfall[0].length };
  }
  const marker = stickyMatch(ABSENCE_MARKER, clause, at);
  if (marker?.[1] && marker[2]) {
    const end = nextStop(clause, at + marker[0].length, terms);
    return {
      reading: {
        kind: 'absence',
        phrase: marker[0],
        marker: marker[1],
        adverse: marker[2],
        by: marker[1] === '零' ? 'zero' : 'prevention',
      },
      end,
    };
  }
  const mask = stickyMatch(NOT_NEGATIONS, clause, at);
  if (mask) return { reading: null, end: at + mask[0].length, notNegation: mask[0] };
  // Before the negators: "不合格率为0" counts a fault, it does not negate 合格.
  const count = stickyMatch(ADVERSE_COUNT, clause, at);
  if (count?.[1] && count[2] && plainBefore(clause, at, terms)) {
    const zero = count[2] === '零' || Number(count[2]) === 0;
    const reading: NegationReading = zero
      ? { kind: 'absence', phrase: count[0], marker: count[2], adverse: count[1], by: 'zero' }
      : { kind: 'presence', phrase: count[0], marker: count[2], adverse: count[1] };
    return { reading, end: at + count[0].length };
  }
  const negation = readNegator(clause, at, terms);
  if (negation) return negation;
  const pending = readPending(clause, at, terms);
  if (pending) return pending;
  const presence = stickyMatch(PRESENCE, clause, at);
  if (presence?.[1] && presence[3]) {
    const counted = presence[2] ? /^0\D/u.test(presence[2]) : false;
    const reading: NegationReading = counted
      ? { kind: 'absence', phrase: presence[0], marker: presence[2] ?? '', adverse: presence[3], by: 'zero' }
      : { kind: 'presence', phrase: presence[0], marker: presence[1], adverse: presence[3] };
    return { reading, end: at + presence[0].length };
  }
  return null;
};

/** Clauses: punctuation, and contrast words after which a new judgement starts ("已完成，但效果不明显"). */
const CLAUSE_BREAK =
  /[，,；;。!！？?、：:（）()【】[\]“”"‘’《》<>…\s]+|(?<!\d)\.|\.(?!\d)|(?<!不)但是?|然而|可是|(?<!毫)不过(?!关)|却/u;

/** Reads the negations in a normalised verbal cell, clause by clause (QUAL-2 step 0). */
export const readNegations = (text: string, terms: TermIndex): ClauseReading[] =>
  text
    .split(CLAUSE_BREAK)
    .filter((clause) => clause.length > 0)
    .map((clause) => {
      const negations: NegationReading[] = [];
      const free: string[] = [];
      const notNegations: string[] = [];
      let freeFrom = 0;
      let at = 0;
      while (at < clause.length) {
        const found = step(clause, at, terms);
        if (!found) {
          at += 1;
          continue;
        }
        if (found.notNegation !== undefined) {
          notNegations.push(found.notNegation);
          at = found.end;
          continue;
        }
        const lead = clause.slice(freeFrom, at);
        if (lead.length > 0) free.push(lead);
        // Quoted from the end of the previous reading, so a negation after its subject reads "效果不明显".
        if (found.reading) negations.push({ ...found.reading, phrase: lead + found.reading.phrase });
        at = found.end;
        freeFrom = at;
      }
      if (clause.length > freeFrom) free.push(clause.slice(freeFrom));
      return { clause, negations, free, notNegations };
    });
