import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { assertSeparation, decideSeparation } from './separation-of-duties.ts';

describe('separation of duties', () => {
  it('refuses a decider who is among the people involved, with a coded Chinese message', () => {
    const decided = decideSeparation({ deciderId: 'u1', involvedIds: ['u2', 'u1'], decision: '审核通过' });
    expect(decided).toMatchObject({ ok: false, code: 'SEPARATION_OF_DUTIES' });
    expect(!decided.ok && decided.message).toContain('审核通过');
    expect(() => assertSeparation({ deciderId: 'u1', involvedIds: ['u1'], decision: '整改认定' })).toThrow(AppError);
    try {
      assertSeparation({ deciderId: 'u1', involvedIds: ['u1'], decision: '申诉裁定' });
    } catch (error) {
      expect(error).toMatchObject({ code: 'SEPARATION_OF_DUTIES', status: 403 });
    }
  });

  it('lets anyone else decide, and ignores system authors (null)', () => {
    expect(decideSeparation({ deciderId: 'u3', involvedIds: ['u1', 'u2'], decision: '公开' })).toEqual({ ok: true });
    expect(decideSeparation({ deciderId: 'u3', involvedIds: [null], decision: '公开' })).toEqual({ ok: true });
    expect(decideSeparation({ deciderId: 'u3', involvedIds: [], decision: '公开' })).toEqual({ ok: true });
  });
});
