import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { generateForm } from '@jixiao/core/testing';
import { testDatabaseKinds } from '@jixiao/db/testing';
import { MEDIA_TYPES } from '@jixiao/ingest';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServiceFixture, type ServiceFixture } from '../../testing/service-fixtures.ts';
import { createDraft } from '../evaluations/create-draft.ts';
import { MAX_EVIDENCE_BYTES, sanitiseEvidenceFileName, storeEvidenceFile } from './store-evidence-file.ts';

const fixtureFile = (path: string): Uint8Array =>
  new Uint8Array(readFileSync(new URL(`../../../../fixtures/${path}`, import.meta.url)));
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

describe('sanitiseEvidenceFileName', () => {
  it.each([
    ['C:\\Users\\王\\Desktop\\验收报告.pdf', '验收报告.pdf'],
    ['../../etc/passwd', 'passwd'],
    ['照片\u202egpj.exe', '照片gpj.exe'],
    ['a<b>:"c"|?*.txt', 'abc.txt'],
    ['  合同\t扫描件 .pdf ', '合同 扫描件 .pdf'],
    ['...hidden', 'hidden'],
    ['\u0000\u0007', '佐证材料'],
    ['', '佐证材料'],
  ])('%j → %j', (raw, expected) => {
    expect(sanitiseEvidenceFileName(raw)).toBe(expected);
  });

  it('cuts a long name to 120 characters and keeps its extension', () => {
    const name = sanitiseEvidenceFileName(`${'长'.repeat(300)}.xlsx`);
    expect([...name]).toHaveLength(120);
    expect(name.endsWith('长.xlsx')).toBe(true);
  });
});

describe.each(testDatabaseKinds())('storeEvidenceFile on %s', (kind) => {
  let fixture: ServiceFixture;
  let evaluationId: string;
  beforeAll(async () => {
    fixture = await createServiceFixture(kind);
    const draft = await createDraft(fixture.ctx, fixture.actors.unit_filler, {
      organizationId: fixture.organizations.unit,
      form: { ...generateForm(3), fiscalYear: 2024, projectName: '佐证材料测试' },
    });
    evaluationId = draft.id;
  });
  afterAll(async () => {
    await fixture.close();
  });

  const store = (fileName: string, bytes: Uint8Array) =>
    storeEvidenceFile(fixture.ctx.db, {
      organizationId: fixture.organizations.unit,
      evaluationId,
      subject: { kind: 'indicator', indicatorName: '征收完成率' },
      fileName,
      bytes,
      createdBy: fixture.actors.unit_filler.userId,
      now: new Date('2025-03-01T08:00:00Z'),
    });

  it('stores a PDF with its content hash, detected type, clean name and subject', async () => {
    const bytes = fixtureFile('pdf/kaifu-2022.pdf');
    const stored = await store('D:\\材料\\验收报告.pdf', bytes);
    expect(stored).toMatchObject({
      purpose: 'indicator_evidence',
      indicator_name: '征收完成率',
      rectification_item_id: null,
      appeal_id: null,
      file_name: '验收报告.pdf',
      media_type: MEDIA_TYPES.pdf,
      size_bytes: bytes.byteLength,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    });
  });

  it('takes the type from the bytes, not the name: a PNG called .pdf is a PNG', async () => {
    expect((await store('现场照片.pdf', PNG)).media_type).toBe(MEDIA_TYPES.png);
  });

  it('refuses an empty file, a file over the limit, a zip and unknown binary, and stores nothing', async () => {
    await expect(store('空.pdf', new Uint8Array())).rejects.toMatchObject({ code: 'EMPTY_FILE' });
    await expect(store('大.pdf', new Uint8Array(MAX_EVIDENCE_BYTES + 1))).rejects.toMatchObject({
      code: 'FILE_TOO_LARGE',
      message: '佐证材料不能超过 20 MB',
    });
    await expect(store('资料.zip', zipSync({ 'a.exe': new Uint8Array([0x4d, 0x5a]) }))).rejects.toMatchObject({
      code: 'UNSUPPORTED_FORMAT',
    });
    await expect(store('程序.pdf', fixtureFile('bad/binary.bin'))).rejects.toMatchObject({
      code: 'UNSUPPORTED_FORMAT',
    });
    const rows = await fixture.ctx.db
      .selectFrom('attachments')
      .select('file_name')
      .where('evaluation_id', '=', evaluationId)
      .where('purpose', '=', 'indicator_evidence')
      .execute();
    expect(rows.map((row) => row.file_name).sort()).toEqual(['现场照片.pdf', '验收报告.pdf']);
  });
});
