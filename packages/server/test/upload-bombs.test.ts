import { request as httpRequest } from 'node:http';
import { deflatedRun, docxBomb, zipOf } from '@jixiao/ingest/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSRF_HEADER } from '../src/http/session.ts';
import { createTestApp, type Session, type TestApp } from './test-app.ts';

const GIB = 1024 ** 3;

type Answer = { status: number; body: { error?: { code: string; message: string } } };

/**
 * A JSON POST over a real socket: `sent` settles once the whole body has been handed to the kernel, so the
 * test knows the server has it all (or is about to) without guessing at timings.
 */
const post = (base: string, session: Session, path: string, body: unknown) => {
  const payload = Buffer.from(JSON.stringify(body));
  let sent: () => void = () => {};
  const flushed = new Promise<void>((resolve) => {
    sent = resolve;
  });
  const answer = new Promise<Answer>((resolve, reject) => {
    const outgoing = httpRequest(
      `${base}${path}`,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'content-length': payload.length,
          cookie: session.cookie,
          [CSRF_HEADER]: session.csrf,
        },
      },
      (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('end', () =>
          resolve({ status: incoming.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) }),
        );
      },
    );
    outgoing.on('error', reject);
    outgoing.end(payload, sent);
  });
  return { flushed, answer };
};

describe('bombs uploaded to the real server are refused on worker threads while it goes on answering', () => {
  let testApp: TestApp;
  let base: string;

  beforeAll(async () => {
    testApp = await createTestApp('pglite');
    await testApp.app.listen({ port: 0, host: '127.0.0.1' });
    const address = testApp.app.server.address();
    if (!address || typeof address === 'string') throw new Error('the test server has no TCP address');
    base = `http://127.0.0.1:${address.port}`;
  });

  afterAll(() => testApp.close());

  /** Uploads at once, then checks health until all are answered: the health statuses and how many came back while an upload was still pending. */
  const whileUploading = async (uploads: ReturnType<typeof post>[]) => {
    let pending = true;
    void Promise.allSettled(uploads.map((upload) => upload.answer)).then(() => {
      pending = false;
    });
    // From the moment the server holds every body: a reader on the main thread would answer nothing until done.
    await Promise.all(uploads.map((upload) => upload.flushed));
    const health: number[] = [];
    let during = 0;
    while (pending) {
      const response = await fetch(`${base}/api/health`);
      health.push(response.status);
      if (pending) during++;
    }
    return { answers: await Promise.all(uploads.map((upload) => upload.answer)), health, during };
  };

  const expectRefused = (answer: Answer) => {
    expect([answer.status, answer.body.error?.code]).toEqual([422, 'HOSTILE_FILE']);
    expect(answer.body.error?.message).toContain('疑似压缩炸弹');
  };

  it('answers /api/health while a 5 GiB .docx bomb is refused, then refuses the others as hostile, starting no job', async () => {
    const filler = await testApp.login('filler');
    const reviewer = await testApp.login('department');
    const organizationId = testApp.fixture.organizations.unit;
    const imported = (fileName: string, bytes: Uint8Array) => ({
      organizationId,
      fileName,
      contentBase64: Buffer.from(bytes).toString('base64'),
    });

    // The first upload of this app also starts its reading thread: the main thread is free all that while.
    const first = await whileUploading([
      post(base, filler, '/api/evaluations/import', imported('5GiB.docx', docxBomb(5 * GIB))),
    ]);
    expect(first.answers.map(({ status }) => status)).toEqual([422]);
    for (const answer of first.answers) expectRefused(answer);
    expect(first.health.length).toBeGreaterThan(0);
    expect(first.health.every((status) => status === 200)).toBe(true);
    expect(first.during).toBeGreaterThan(0);

    const outerBomb = zipOf([{ name: '自评报告.docx', method: 8, data: deflatedRun(5 * GIB), size: 5 * GIB }]);
    const rest = await whileUploading([
      post(base, filler, '/api/evaluations/import', imported('1GiB.docx', docxBomb(GIB))),
      post(base, filler, '/api/evaluations/import', imported('流式.docx', docxBomb(5 * GIB, { dataDescriptor: true }))),
      post(base, reviewer, '/api/bulk-audits', {
        fileName: '批量.zip',
        contentBase64: Buffer.from(outerBomb).toString('base64'),
      }),
    ]);
    for (const answer of rest.answers) expectRefused(answer);
    expect(rest.health.every((status) => status === 200)).toBe(true);
    const jobs = await testApp.request(reviewer, { method: 'GET', url: '/api/bulk-audits' });
    expect(jobs.json()).toEqual({ items: [] });
  });
});
