import { describe, expect, it } from 'vitest';
import { diffValues } from './form-diff.ts';

describe('diffValues', () => {
  it.each([
    [{ a: '1' }, { a: '1' }, []],
    [{ a: '1' }, { a: '2' }, [{ path: 'a', before: '1', after: '2' }]],
    [
      { rows: [{ x: '1' }] },
      { rows: [{ x: '1' }, { x: '2' }] },
      [{ path: 'rows[1]', before: undefined, after: { x: '2' } }],
    ],
    [{ n: { deep: null } }, { n: { deep: 3 } }, [{ path: 'n.deep', before: null, after: 3 }]],
    [{ rows: [{ x: '1', y: '2' }] }, { rows: [{ x: '9', y: '2' }] }, [{ path: 'rows[0].x', before: '1', after: '9' }]],
  ])('diff %j → %j', (before, after, expected) => {
    expect(diffValues(before, after)).toEqual(expected);
  });
});
