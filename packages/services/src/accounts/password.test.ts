import { describe, expect, it } from 'vitest';
import { passwordProblem } from './password.ts';

describe('passwordProblem', () => {
  it.each([
    ['Abcdefgh1!', null],
    ['abcdefgh12', /三类/],
    ['ABCDEFGH1!', null],
    ['Abc1!', /至少需要 10 个字符/],
    ['abcdefghij', /三类/],
    ['密码密码密码密码密码A1', null],
    ['Abcdefghij', /三类/],
  ])('%s', (password, expected) => {
    const problem = passwordProblem(password);
    if (expected === null) expect(problem).toBeNull();
    else expect(problem).toMatch(expected);
  });
});
