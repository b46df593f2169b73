import { Writable } from 'node:stream';
import { AppError } from '@jixiao/core';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorHandler } from './errors.ts';

/** What a reader, a driver or a bug might put in an exception: paths, SQL, a stack. None of it may reach a client. */
const SECRET =
  '/srv/jixiao/data/pglite 读取失败：relation "users" password_hash ENOENT at readSafely (read-report.ts:42)';

describe('errorHandler on 5xx', () => {
  let app: FastifyInstance;
  const logLines: string[] = [];

  beforeAll(async () => {
    const stream = new Writable({
      write(chunk, _encoding, done) {
        logLines.push(String(chunk));
        done();
      },
    });
    app = Fastify({ logger: { level: 'info', stream } });
    app.setErrorHandler(errorHandler);
    // As read-report's readSafely does today: a reader's exception text wrapped into INTERNAL.
    app.get('/reader', async () => {
      throw new AppError('INTERNAL', `读取文件时出错：${SECRET}`);
    });
    app.get('/bug', async () => {
      throw new TypeError(SECRET);
    });
    app.get('/stored-form', async () => {
      throw new AppError('STORED_FORM_INVALID', `第 3 版数据无法解析：${SECRET}`);
    });
    app.get('/busy', async () => {
      throw new AppError('BUSY', `队列已满：${SECRET}`, { retryAfterSeconds: 5 });
    });
    app.get('/framework', async () => {
      throw Object.assign(new Error(SECRET), { statusCode: 502 });
    });
    app.get('/client', async () => {
      throw new AppError('VALIDATION_FAILED', '项目名称不能为空');
    });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
  });

  it.each([
    ['/reader', 500, 'INTERNAL', '服务器内部错误'],
    ['/bug', 500, 'INTERNAL', '服务器内部错误'],
    ['/stored-form', 500, 'STORED_FORM_INVALID', '已保存的自评表数据无法读取，请联系系统管理员'],
    ['/busy', 503, 'BUSY', '服务器繁忙，请稍后再试'],
    ['/framework', 500, 'INTERNAL', '服务器内部错误'],
  ])(
    '%s answers %i %s with the fixed message and a request id, and logs the detail',
    async (url, status, code, message) => {
      const response = await app.inject({ method: 'GET', url });
      expect(response.statusCode).toBe(status);
      const body = response.json<{ error: { requestId: string } }>();
      expect(body).toEqual({ error: { code, message, requestId: expect.any(String) } });
      expect(response.body).not.toContain('ENOENT');
      expect(response.body).not.toContain('read-report');
      // The id in the body finds the detail in the log.
      const logged = logLines.filter((line) => line.includes(`"reqId":"${body.error.requestId}"`)).join('\n');
      expect(logged).toContain('ENOENT');
    },
  );

  it('keeps Retry-After on load shedding', async () => {
    expect((await app.inject({ method: 'GET', url: '/busy' })).headers['retry-after']).toBe('5');
  });

  it('still tells a client what it got wrong on a 4xx', async () => {
    const response = await app.inject({ method: 'GET', url: '/client' });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({ error: { code: 'VALIDATION_FAILED', message: '项目名称不能为空' } });
  });
});
