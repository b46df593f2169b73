import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readReport } from '../read-report.ts';

const fixture = (path: string) => fileURLToPath(new URL(`../../../../fixtures/${path}`, import.meta.url));

const read = async (bytes: Uint8Array, fileName = 'report.docx') => readReport({ bytes, fileName });

const docxWith = (documentXml: string, extra: Record<string, Uint8Array> = {}) =>
  zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8(documentXml), ...extra });

const expectError = async (bytes: Uint8Array, code: string, words: string, fileName?: string) => {
  const before = process.memoryUsage().rss;
  const result = await read(bytes, fileName);
  expect(result.ok).toBe(false);
  if (!result.ok) {
    expect(result.error.code).toBe(code);
    expect(result.error.message).toContain(words);
  }
  // Bounded memory: no hostile file may make the reader hold more than a fraction of its caps.
  expect(process.memoryUsage().rss - before).toBeLessThan(300 * 1024 * 1024);
};

describe('reading .docx', () => {
  it('reads the seed laid out as the official Word form, merged cells included, as the text reader does', async () => {
    const fromDocx = await read(await readFile(fixture('docx/kaifu-2022.docx')), 'kaifu-2022.docx');
    const fromText = await readReport({
      bytes: await readFile(fixture('seed/kaifu-2022.txt')),
      fileName: 'kaifu-2022.txt',
    });
    expect(fromDocx.ok && fromText.ok).toBe(true);
    if (!fromDocx.ok || !fromText.ok) return;
    const docx = fromDocx.report.form;
    const text = fromText.report.form;
    expect(fromDocx.report.format).toBe('docx');
    expect(docx.projectName).toBe(text.projectName);
    expect(docx.department).toBe(text.department);
    expect(docx.funds).toEqual(text.funds);
    expect(docx.annualGoal).toEqual(text.annualGoal);
    expect(docx.declaredLevel1Weights).toEqual(text.declaredLevel1Weights);
    expect(docx.statedTotal).toEqual(text.statedTotal);
    expect(
      docx.indicators.map((row) => [
        row.level1,
        row.level2,
        row.name,
        row.target,
        row.actual,
        row.weight,
        row.statedScore,
        row.deviationNote,
      ]),
    ).toEqual(
      text.indicators.map((row) => [
        row.level1,
        row.level2,
        row.name,
        row.target,
        row.actual,
        row.weight,
        row.statedScore,
        row.deviationNote,
      ]),
    );
    expect(docx.narrative.sections.map((section) => section.heading)).toEqual(
      text.narrative.sections.map((section) => section.heading),
    );
  });

  it('reads a variant with a 指标性质 column and no 二级指标 column', async () => {
    const result = await read(await readFile(fixture('docx/comparator-column.docx')), 'comparator-column.docx');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const cost = result.report.form.indicators.find((row) => row.name === '征收工作经费（万元）');
    expect(cost).toMatchObject({ comparator: '反向', level2: null, target: '38', actual: '27.75', level1: 'output' });
  });
});

describe('a .docx whose form is split over two tables, with a 计量单位 column', () => {
  it('joins the tables and reads the units from their column', async () => {
    const result = await read(await readFile(fixture('docx/unit-column-split.docx')), 'unit-column-split.docx');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { form } = result.report;
    expect(form.funds.total.initialBudget).toBe('38');
    expect(form.indicators.find((row) => row.name === '征收工作经费')).toMatchObject({
      measureUnit: '万元',
      target: '38',
      level2: 'cost',
    });
    expect(form.indicators.find((row) => row.name === '被摸底调查对象满意度')).toMatchObject({
      measureUnit: '%',
      target: '90',
      actual: '95',
    });
    expect(form.statedTotal).toEqual({ weight: '100', score: '100' });
  });
});

describe('hostile .docx files get a clear error within bounded memory', () => {
  it('a zip bomb', async () => {
    const bomb = zipSync({ 'word/document.xml': new Uint8Array(64 * 1024 * 1024) }, { level: 9 });
    expect(bomb.byteLength).toBeLessThan(200 * 1024);
    await expectError(bomb, 'HOSTILE_FILE', '压缩炸弹');
  });

  it('an XML external entity', async () => {
    const xxe =
      '<?xml version="1.0"?><!DOCTYPE w [<!ENTITY x SYSTEM "file:///etc/passwd">]><w:document><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>';
    await expectError(docxWith(xxe), 'HOSTILE_FILE', 'DTD');
  });

  it('entity expansion (billion laughs)', async () => {
    const laughs = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`).join('')}]><w:document><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>`;
    await expectError(docxWith(laughs), 'HOSTILE_FILE', '实体');
  });

  it('a path-traversal entry name', async () => {
    await expectError(docxWith('<w:document/>', { '../../evil.sh': strToU8('rm -rf /') }), 'HOSTILE_FILE', '越界路径');
  });

  it('a truncated archive', async () => {
    const whole = await readFile(fixture('docx/kaifu-2022.docx'));
    await expectError(whole.subarray(0, Math.floor(whole.length / 2)), 'HOSTILE_FILE', '损坏');
  });

  it('an .xlsx named .docx is opened as the workbook it is', async () => {
    const workbook = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'xl/workbook.xml': strToU8('<workbook/>') });
    await expectError(workbook, 'UNKNOWN_LAYOUT', '工作簿中没有可读的工作表');
  });

  it('an encrypted Office file', async () => {
    const ole = new Uint8Array(4096);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    ole.set(
      [...'EncryptionInfo'].flatMap((char) => [char.charCodeAt(0), 0]),
      1024,
    );
    await expectError(ole, 'ENCRYPTED_FILE', '密码');
  });

  it('a zip with no Word body', async () => {
    await expectError(zipSync({ 'notes.txt': strToU8('hello') }), 'UNSUPPORTED_FORMAT', '没有 Word 正文');
  });

  it('a zip that is not a report at all', async () => {
    await expectError(
      docxWith('<w:document><w:body><w:p><w:r><w:t>会议纪要</w:t></w:r></w:p></w:body></w:document>'),
      'UNKNOWN_LAYOUT',
      '绩效指标',
    );
  });
});
