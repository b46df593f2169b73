import { describe, expect, it } from 'vitest';
import { findRuleSet } from '../rules/rule-sets.ts';
import type { RuleSet } from '../rules/schema.ts';
import { readNegations, termIndex } from './negation.ts';
import { NEGATABLE_PREDICATES } from './negation-words.ts';
import { parseValue } from './value.ts';

const { qualitative } = findRuleSet('national-2020') as RuleSet;
const terms = termIndex([
  ...qualitative.achieved,
  ...qualitative.partial,
  ...qualitative.notAchieved,
  ...NEGATABLE_PREDICATES,
]);

const read = (text: string) => readNegations(text, terms);
const kinds = (text: string) => read(text).flatMap((clause) => clause.negations.map((reading) => reading.kind));

describe('readNegations', () => {
  it('puts the whole rest of the clause under a negation, so no word in it is free', () => {
    const [clause] = read('未能有效保障征收工作正常开展');
    expect(clause?.negations).toEqual([
      { kind: 'negated', phrase: '未能有效保障', negator: '未能', term: '有效保障', limit: null },
    ]);
    expect(clause?.free).toEqual([]);
  });

  it('quotes a negation after its subject with the subject', () => {
    expect(read('效果不明显')[0]?.negations[0]).toMatchObject({ phrase: '效果不明显', negator: '不', term: '明显' });
  });

  it('keeps the text before a negation free', () => {
    expect(read('完成不及时')[0]).toMatchObject({ free: ['完成'], negations: [{ kind: 'negated', term: '及时' }] });
  });

  it.each([
    ['不断提升', '不断'],
    ['非常满意', '非常'],
    ['不低于预期', '不低于'],
    ['未来将持续提升', '未来'],
    ['无论质量还是进度均达标', '无论'],
    ['非税收入征管有效', '非税'],
  ])('%s holds no negation (%s)', (text, word) => {
    const [clause] = read(text);
    expect(clause?.negations).toEqual([]);
    expect(clause?.notNegations).toEqual([word]);
    expect(clause?.free).toEqual([text]);
  });

  it.each([
    ['无大的安全事故', '安全事故'],
    ['全年未发生一起安全生产责任事故', '安全生产责任事故'],
    ['零投诉', '投诉'],
    ['投诉为零', '投诉'],
    ['安全事故发生率为0', '安全事故'],
    ['发生0起安全事故', '安全事故'],
  ])('%s: an adverse event that did not happen', (text, adverse) => {
    expect(read(text)[0]?.negations).toEqual([expect.objectContaining({ kind: 'absence', adverse })]);
  });

  it('reads a negated predicate that acts on an adverse event as a negation, not an absence', () => {
    expect(read('未能消除安全隐患')[0]?.negations[0]).toMatchObject({ kind: 'negated', term: '消除' });
  });

  it.each([
    ['整改问题5个', []],
    ['出现问题及时整改', []],
    ['发生安全事故2起', ['presence']],
    ['安全事故1起', ['presence']],
  ])('counts an event only when nothing acts on it: %s', (text, expected) => {
    expect(kinds(text)).toEqual(expected);
  });

  it('splits clauses at punctuation and at contrast words', () => {
    expect(read('已完成，但效果不明显').map((clause) => clause.clause)).toEqual(['已完成', '效果不明显']);
    expect(read('不但完成而且效果明显').map((clause) => clause.clause)).toEqual(['不但完成而且效果明显']);
  });

  it('reads a limit: part before, whole after, pending instead of a negator', () => {
    expect(read('部分未完成')[0]?.negations[0]).toMatchObject({ limit: { kind: 'part', word: '部分' } });
    expect(read('大部分未完成')[0]?.negations[0]).toMatchObject({ limit: null });
    expect(read('未全部完成')[0]?.negations[0]).toMatchObject({ limit: { kind: 'whole', word: '全部' } });
    expect(read('有待提高')[0]?.negations[0]).toMatchObject({ limit: { kind: 'pending', word: '有待' }, term: '提高' });
  });

  it('leaves a negation of an unknown word unresolved', () => {
    expect(read('无变化')[0]?.negations).toEqual([
      { kind: 'unresolved', phrase: '无变化', negator: '无', governed: '变化' },
    ]);
  });
});

describe('comparator words stay with the value parser', () => {
  it.each([
    ['不低于90%', 'gte', '90', '%'],
    ['不少于3次', 'gte', '3', '次'],
    ['不超过1000万元', 'lte', '1000', '万元'],
    ['不高于5%', 'lte', '5', '%'],
  ])('%s is a number', (cell, comparator, value, unit) => {
    expect(parseValue(cell)).toMatchObject({
      ok: true,
      value: { kind: 'quantity', comparator, quantity: { value, unit } },
    });
  });
});
