import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { hashPassword, passwordProblem, verifyPassword } from './password.ts';

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

describe('hashPassword', () => {
  it('hashes at the production cost in a process that did not lower it, and verifies hashes of either cost', async () => {
    // This test process runs with the tests' lowered cost (test-setup.ts): the production default is checked in a
    // fresh process that imports the module as the server does.
    const script = `import('@jixiao/services/password').then(async (m) => process.stdout.write(await m.hashPassword('Abcdefgh1!')))`;
    const { stdout: productionHash } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', '--conditions=jixiao-source', '--input-type=module', '-e', script],
      { cwd: fileURLToPath(new URL('.', import.meta.url)) },
    );
    expect(productionHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    const testHash = await hashPassword('Abcdefgh1!');
    expect(testHash).toMatch(/^\$argon2id\$v=19\$m=1024,t=1,p=1\$/);
    for (const stored of [productionHash, testHash]) {
      expect(await verifyPassword(stored, 'Abcdefgh1!')).toBe(true);
      expect(await verifyPassword(stored, 'Abcdefgh1?')).toBe(false);
    }
  });
});
