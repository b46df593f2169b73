import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { generateForm } from '../../testing/generate-form.ts';
import { isSafeText, safeText, stringsWithoutSafeText, UNSAFE_TEXT_MESSAGE } from './safe-text.ts';
import { evaluationFormSchema } from './schema.ts';

describe('safe text', () => {
  it.each([
    ['a\u0000b', false],
    ['\ud800', false],
    ['末尾\udfff', false],
    ['\udc00\ud800', false],
    ['开福区 2022 年 😀 𠀀', true],
    ['tab\tnew\nline', true],
    ['', true],
  ])('%j is safe: %s', (text, safe) => {
    expect(isSafeText(text)).toBe(safe);
    expect(safeText().max(100).safeParse(text).success).toBe(safe);
  });

  it('names the field in the error', () => {
    const result = z.object({ name: safeText().min(1) }).safeParse({ name: 'x\u0000' });
    expect(result.error?.issues).toEqual([expect.objectContaining({ path: ['name'], message: UNSAFE_TEXT_MESSAGE })]);
  });

  it('finds the strings a schema leaves unchecked', () => {
    const schema = z.object({
      id: z.uuid(),
      name: safeText().max(10).optional(),
      notes: z.array(z.object({ text: z.string().nullable() })),
      tags: z.record(z.string(), safeText()),
      year: z.coerce.number(),
    });
    expect(stringsWithoutSafeText(schema)).toEqual(['.notes[].text', '.tags{key}']);
  });

  it('leaves no string of the evaluation form unchecked, and refuses NUL and lone surrogates in any cell', () => {
    expect(stringsWithoutSafeText(evaluationFormSchema)).toEqual([]);
    const form = generateForm(3);
    for (const bad of ['\u0000', '\ud800']) {
      const result = evaluationFormSchema.safeParse({
        ...form,
        projectName: `项目${bad}`,
        indicators: form.indicators.map((row, index) => (index === 1 ? { ...row, actual: bad } : row)),
      });
      expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['projectName', 'indicators.1.actual']);
    }
  });
});
