import { Writable } from 'node:stream';
import { createTestDatabase } from '@jixiao/db/testing';
import { describe, expect, it } from 'vitest';
import { buildApp, LOG_REDACT_PATHS } from './app.ts';

describe('buildApp', () => {
  it('answers 500 without internals when the database is gone', async () => {
    const handle = await createTestDatabase('pglite');
    const app = await buildApp({ db: handle.db, databaseKind: handle.kind });
    await handle.close();
    const response = await app.inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(500);
    expect(response.json()).toEqual({
      error: { code: 'INTERNAL', message: '服务器内部错误', requestId: expect.any(String) },
    });
    await app.close();
  });

  it('redacts passwords and cookies from its logs', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const handle = await createTestDatabase('pglite');
    const app = await buildApp({
      db: handle.db,
      databaseKind: handle.kind,
      logger: { level: 'info', stream, redact: { paths: LOG_REDACT_PATHS, censor: '[已隐藏]' } },
    });
    app.log.info(
      {
        req: { headers: { cookie: 'jixiao_session=secret-token' } },
        body: { password: 'Hunter2-password', currentPassword: 'Hunter3-current', newPassword: 'Hunter4-new' },
        reply: { temporaryPassword: 'Hunter5-temporary' },
      },
      'probe',
    );
    await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'nobody', password: 'Hunter2-password' },
    });
    await app.close();
    await handle.close();
    const text = lines.join('');
    expect(text).toContain('probe');
    expect(text).toContain('[已隐藏]');
    expect(text).not.toContain('secret-token');
    for (const secret of ['Hunter2-password', 'Hunter3-current', 'Hunter4-new', 'Hunter5-temporary']) {
      expect(text).not.toContain(secret);
    }
  });
});
