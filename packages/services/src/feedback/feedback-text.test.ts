import { describe, expect, it } from 'vitest';
import { checkFeedbackBody, checkFeedbackContact, FEEDBACK_BODY_MAX } from './feedback-text.ts';

describe('public feedback text', () => {
  it.each([
    ['plain Chinese', '项目进度公开得很及时，点赞', '项目进度公开得很及时，点赞'],
    ['trimmed edges', '  征收补偿款何时发放？ \n', '征收补偿款何时发放？'],
    ['markup kept verbatim', '<script>alert(1)</script>', '<script>alert(1)</script>'],
    ['line breaks kept', '第一行\n第二行内容', '第一行\n第二行内容'],
    ['exactly the maximum', '字'.repeat(FEEDBACK_BODY_MAX), '字'.repeat(FEEDBACK_BODY_MAX)],
    ['emoji count as one', '👍👍👍👍👍', '👍👍👍👍👍'],
  ])('accepts %s', (_case, input, stored) => {
    expect(checkFeedbackBody(input)).toBe(stored);
  });

  it.each([
    ['too short', '好', '至少 5 个字'],
    ['blank', '     ', '至少 5 个字'],
    ['too long', '字'.repeat(FEEDBACK_BODY_MAX + 1), '不能超过 500 个字'],
    ['NUL', '内容\u0000很长很长', '控制字符'],
    ['bell', '内容\u0007很长很长', '控制字符'],
    ['C1 control', '内容\u0085很长很长', '控制字符'],
    ['bidi override', '内容\u202E很长很长', '控制字符'],
    ['lone surrogate', '内容\uD800很长很长', '控制字符'],
  ])('refuses %s', (_case, input, message) => {
    expect(() => checkFeedbackBody(input)).toThrow(message);
  });

  it('takes an empty contact and bounds a long one', () => {
    expect(checkFeedbackContact('')).toBe('');
    expect(checkFeedbackContact(' 138 0000 0000 ')).toBe('138 0000 0000');
    expect(() => checkFeedbackContact('1'.repeat(101))).toThrow('不能超过 100 个字');
  });
});
