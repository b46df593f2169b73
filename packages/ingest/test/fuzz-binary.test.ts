import { readFile } from 'node:fs/promises';
import { isAppError } from '@jixiao/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readReport } from '../src/index.ts';
import { fixture } from './helpers.ts';

/** Byte-level mutations of real Office files: flips, truncations, splices and duplicated spans. */
const mutated = (original: Uint8Array) =>
  fc.oneof(
    fc
      .array(fc.tuple(fc.nat(original.length - 1), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 20 })
      .map((flips) => {
        const copy = Uint8Array.from(original);
        for (const [at, value] of flips) copy[at] = value;
        return copy;
      }),
    fc.nat(original.length).map((length) => original.subarray(0, length)),
    fc.tuple(fc.nat(original.length), fc.uint8Array({ maxLength: 64 })).map(([at, insert]) => {
      const copy = new Uint8Array(original.length + insert.length);
      copy.set(original.subarray(0, at));
      copy.set(insert, at);
      copy.set(original.subarray(at), at + insert.length);
      return copy;
    }),
    fc.tuple(fc.nat(original.length - 1), fc.nat(4096)).map(([at, length]) => {
      const span = original.subarray(at, at + length);
      const copy = new Uint8Array(original.length + span.length);
      copy.set(original.subarray(0, at + span.length));
      copy.set(span, at + span.length);
      copy.set(original.subarray(at + span.length), at + 2 * span.length);
      return copy;
    }),
  );

// A PDF takes pdf.js most of a second to read through, so it gets fewer (and slower) runs.
describe.each([
  ['docx/kaifu-2022.docx', 'fuzz.docx', 150],
  ['xlsx/budget-system-export.xlsx', 'fuzz.xlsx', 150],
  ['xls/budget-system-export.xls', 'fuzz.xls', 150],
  ['pdf/kaifu-2022.pdf', 'fuzz.pdf', 30],
])('mutated %s', (path, fileName, runs) => {
  it('never throws: every input is read or refused with a coded Chinese error', async () => {
    const original = new Uint8Array(await readFile(fixture(path)));
    let tried = 0;
    await fc.assert(
      fc.asyncProperty(mutated(original), async (bytes) => {
        tried++;
        const result = await readReport({ bytes, fileName });
        if (!result.ok) {
          expect(isAppError(result.error)).toBe(true);
          expect(result.error.message).toMatch(/[\u4e00-\u9fff]/u);
        }
      }),
      { numRuns: runs },
    );
    expect(tried).toBe(runs);
  });
});
