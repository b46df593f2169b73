import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { makeReportFolder } from '../packages/services/testing/make-report-folder.ts';
import { zipFolder } from '../packages/services/testing/zip-folder.ts';
import { BulkAuditPage } from './pages/bulk.page.ts';
import { LoginPage } from './pages/login.page.ts';
import { DEMO_USERS, type E2eServer, startE2eServer } from './support/server.ts';
import { BrowserSessions } from './support/sessions.ts';

/** A finding code as programs read it (TOTAL_MISMATCH): people must never see one in the table. */
const FINDING_CODE = /\b[A-Z]+_[A-Z_]+\b/u;

describe('the bulk audit page at 1440 px', () => {
  let server: E2eServer;
  let work: string;
  const sessions = new BrowserSessions(() => server.url);

  beforeAll(async () => {
    server = await startE2eServer();
    await sessions.start();
    work = mkdtempSync(join(tmpdir(), 'jixiao-e2e-bulk-'));
  });

  beforeEach(({ task, onTestFailed }) => onTestFailed(() => sessions.reportFailure(task.name)));

  afterAll(async () => {
    await sessions.close();
    await server?.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('fits the window, lists skipped files and duplicates in Chinese, and agrees with itself on progress', async () => {
    const reports = join(work, 'reports');
    const folder = await makeReportFolder(reports, 6);
    // The first report sent again under another name, and a photo that is not a report.
    const [first] = folder.good;
    if (!first) throw new Error('no report');
    mkdirSync(join(reports, '再次报送'));
    copyFileSync(join(reports, first), join(reports, '再次报送', first));
    writeFileSync(join(reports, '现场照片.png'), Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    const zip = join(work, '重复与跳过.zip');
    writeFileSync(zip, zipFolder(reports));
    const audited = folder.good.length + folder.flawed.length + folder.fixtures.length + 1;
    // The broken files, random bytes named .xlsx in a subfolder, notes.csv and the photo.
    const skipped = folder.broken.length + 3;

    const page = await sessions.newPage({ viewport: { width: 1440, height: 900 } });
    await new LoginPage(page, server.url).signIn(DEMO_USERS.departmentReviewer);
    const bulk = new BulkAuditPage(page, server.url);
    await bulk.visit();
    await bulk.audit(zip, audited + skipped);

    expect(await bulk.overflow()).toBeLessThanOrEqual(0);
    const body = await bulk.tableBodyText();
    expect(body).not.toMatch(FINDING_CODE);

    const rows = await bulk.rowsByFile();
    for (const file of [
      '现场照片.png',
      'notes.csv',
      'nested/random.xlsx',
      ...folder.broken.map((broken) => broken.file),
    ])
      expect(rows.get(file)?.join(' '), file).toMatch(/已跳过.*\p{Script=Han}/u);
    expect(rows.get('现场照片.png')?.join(' ')).toContain('.png 文件不是可审核的自评报告格式');
    expect(rows.get(`再次报送/${first}`)?.join(' ')).toContain(`重复：与“${first}”内容完全相同`);
    expect(rows.get('seed-kaifu-2022.txt')?.join(' ')).toContain(
      '重复：与“seed-kaifu-2022.pdf”是同一单位、同一项目、同一年度的自评表',
    );
    expect(rows.get(first)?.join(' ')).toContain('已审核');

    // The bar and the list read the same job state: every report file, the unreadable ones too.
    const total = audited + folder.broken.length + 1;
    expect(await bulk.progressText()).toBe(`${total} / ${total} 个文件`);
    await expect.poll(() => bulk.listedProgress('重复与跳过.zip')).toBe(`${total} / ${total}`);

    await bulk.filter('seed-kaifu-2022');
    await bulk.waitForShown(2, audited + skipped);
  });
});
