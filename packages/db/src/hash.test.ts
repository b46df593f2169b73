import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, canonicalJsonAround, sha256Hex } from './hash.ts';

const shuffleKeys = (value: unknown, order: number): unknown => {
  if (Array.isArray(value)) return value.map((item) => shuffleKeys(item, order));
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value).map(([key, item]) => [key, shuffleKeys(item, order)] as const);
  if (order % 2 === 1) entries.reverse();
  return Object.fromEntries(entries);
};

describe('canonicalJson', () => {
  it('is the same for any key order and parses back to an equal value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.nat(), (value, order) => {
        const text = canonicalJson(value);
        expect(canonicalJson(shuffleKeys(value, order))).toBe(text);
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
      }),
    );
  });

  it.each([
    [{ b: 1, a: [true, null, '二'] }, '{"a":[true,null,"二"],"b":1}'],
    [{ when: new Date('2024-01-02T03:04:05.000Z') }, '{"when":"2024-01-02T03:04:05.000Z"}'],
    [{ kept: 1, dropped: undefined }, '{"kept":1}'],
  ])('%j → %s', (value, expected) => {
    expect(canonicalJson(value)).toBe(expected);
  });

  it('hashes as hex sha-256', () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});

describe('canonicalJsonAround', () => {
  it('is the canonical JSON with the key added, around any value of that key', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), fc.string(), fc.jsonValue(), (value, key, inserted) => {
        const { before, after } = canonicalJsonAround(value, key);
        expect(before + canonicalJson(inserted) + after).toBe(canonicalJson({ ...value, [key]: inserted }));
      }),
    );
  });

  it.each([
    [{}, '{"seq":', '}'],
    [{ action: 'a', toStatus: 'b', seq: 9 }, '{"action":"a","seq":', ',"toStatus":"b"}'],
    [{ zeta: undefined, alpha: 1 }, '{"alpha":1,"seq":', '}'],
  ])('%j around seq', (value, before, after) => {
    expect(canonicalJsonAround(value, 'seq')).toEqual({ before, after });
  });
});
