import { describe, expect, it } from 'vitest';
import { meaningfulText } from './meaningful-text.ts';

describe('meaningfulText', () => {
  it.each([
    '',
    ' \t\r\n',
    '\u200b',
    '\u3000\u3000',
    '\ufeff',
    '\u2060',
    '\u200c\u200d\u200e\u200f',
    '\u00ad\u034f\u180e',
    '\u3164\u115f\ufe0f\u2800',
    '\u202e\u2066\u2069',
  ])('finds nothing in %j', (text) => {
    expect(meaningfulText(text)).toBe('');
  });

  it('keeps visible text, inner spaces and emoji sequences, taking invisible ends off', () => {
    expect(meaningfulText('\u200b\u3000请补充偏差原因 分析\ufeff\u2060')).toBe('请补充偏差原因 分析');
    expect(meaningfulText('👨‍👩‍👧')).toBe('👨‍👩‍👧');
    expect(meaningfulText('x')).toBe('x');
  });
});
