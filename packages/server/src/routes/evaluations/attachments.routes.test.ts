import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { findAttachment, insertAttachment, sha256Hex } from '@jixiao/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/test-app.ts';
import { ATTACHMENT_CSP } from './evaluations.routes.ts';

const FORM = readFileSync(new URL('../../../../../fixtures/json/valid-form.json', import.meta.url), 'utf8');
const SEED = readFileSync(new URL('../../../../../fixtures/seed/kaifu-2022.txt', import.meta.url), 'utf8');

/** A JSON report under a project name of its own, so that each import is a project of its own. */
const reportNamed = (projectName: string): Buffer =>
  Buffer.from(JSON.stringify({ ...JSON.parse(FORM), projectName }), 'utf8');

/** A report that, loaded by a script tag, is also JavaScript: the report hides in a comment. */
const polyglot = (): Buffer => Buffer.from(`top.__xss = document.cookie; /*\n${SEED}\n*/\n`, 'utf8');

describe('GET /api/attachments/:id', () => {
  let testApp: TestApp;
  let filler: Session;

  const importFile = async (fileName: string, bytes: Buffer, mediaType: string): Promise<string> => {
    const response = await testApp.request(filler, {
      method: 'POST',
      url: '/api/evaluations/import',
      payload: {
        organizationId: testApp.fixture.organizations.unit,
        fileName,
        contentBase64: bytes.toString('base64'),
        mediaType,
        // The fixtures name another unit; what is tested here is how the stored file is served.
        confirmUnitMismatch: true,
      },
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json<{ attachmentId: string }>().attachmentId;
  };

  const download = (id: string) => testApp.request(filler, { method: 'GET', url: `/api/attachments/${id}` });

  beforeAll(async () => {
    testApp = await createTestApp('pglite');
    filler = await testApp.login('filler');
  });
  afterAll(async () => {
    await testApp.close();
  });

  it('serves a report declared text/javascript as a plain-text download', async () => {
    const bytes = reportNamed('脚本附件经费');
    const id = await importFile('report.js', bytes, 'text/javascript');
    const response = await download(id);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="report.js"; filename*=UTF-8''report.js`,
    );
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toBe("default-src 'none'; sandbox");
    expect(ATTACHMENT_CSP).toBe("default-src 'none'; sandbox");
    expect(response.headers['cache-control']).toBe('private, no-store');
    expect(response.rawPayload.equals(bytes)).toBe(true);
    expect(response.headers['x-content-sha256']).toBe(sha256Hex(new Uint8Array(bytes)));
    // What is stored is what the bytes are, not what the uploader said.
    expect((await findAttachment(testApp.fixture.handle.db, id))?.media_type).toBe('text/plain; charset=utf-8');
  });

  it('serves a file declared text/html under a hostile name as text, with the name safely quoted', async () => {
    const name = '<img src=x onerror=alert(1)>"\\;评价.html';
    const id = await importFile(name, reportNamed('网页附件经费'), 'text/html');
    const response = await download(id);
    expect(response.headers['content-type']).toBe('text/plain; charset=utf-8');
    const disposition = String(response.headers['content-disposition']);
    expect(disposition).toBe(
      `attachment; filename="<img src=x onerror=alert(1)>;.html"; filename*=UTF-8''${encodeURIComponent(name).replace(/['()*]/gu, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`)}`,
    );
    expect(disposition).toMatch(/^[\x20-\x7e]+$/u);
    expect(response.headers['content-security-policy']).toBe("default-src 'none'; sandbox");
  });

  /** A row as an import before content detection stored it: the uploader's declared type beside the bytes. */
  const storeAsDeclared = async (fileName: string, bytes: Uint8Array, mediaType: string): Promise<string> => {
    const id = randomUUID();
    await insertAttachment(testApp.fixture.handle.db, {
      id,
      organization_id: testApp.fixture.organizations.unit,
      evaluation_id: null,
      file_name: fileName,
      media_type: mediaType,
      size_bytes: bytes.byteLength,
      sha256: sha256Hex(bytes),
      bytes,
      created_by: testApp.fixture.actors.unit_filler.userId,
      created_at: new Date(),
    });
    return id;
  };

  it('re-types a file stored before detection, whose row still holds the uploader’s text/javascript', async () => {
    const response = await download(await storeAsDeclared('old.js', new Uint8Array(polyglot()), 'text/javascript'));
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toBe("default-src 'none'; sandbox");
  });

  it('names Word, Excel and PDF files by their content, whatever type the row holds', async () => {
    for (const [path, type] of [
      ['docx/kaifu-2022.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
      ['xlsx/budget-system-export.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      ['pdf/kaifu-2022.pdf', 'application/pdf'],
    ] as const) {
      const bytes = new Uint8Array(readFileSync(new URL(`../../../../../fixtures/${path}`, import.meta.url)));
      const response = await download(await storeAsDeclared(path, bytes, 'text/html'));
      expect(response.headers['content-type']).toBe(type);
      expect(response.headers['content-disposition']).toMatch(/^attachment; /u);
    }
  });
});
