import { describe, expect, it } from 'vitest';
import { evidenceOfRow, formatSize } from './evidence-format.ts';

describe('formatSize', () => {
  it.each([
    [812, '812 B'],
    [1024, '1.0 KB'],
    [36_045, '35.2 KB'],
    [4_299_161, '4.1 MB'],
  ])('%i → %s', (bytes, text) => {
    expect(formatSize(bytes)).toBe(text);
  });
});

describe('evidenceOfRow', () => {
  it('matches the trimmed row name exactly', () => {
    const files = [{ indicatorName: '征收完成率' }, { indicatorName: '群众满意度' }, { indicatorName: null }];
    expect(evidenceOfRow(files, ' 征收完成率 ')).toEqual([{ indicatorName: '征收完成率' }]);
    expect(evidenceOfRow(files, '完成率')).toEqual([]);
  });
});
