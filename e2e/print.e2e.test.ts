import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { EditorPage } from './pages/editor.page.ts';
import { A4_PRINTABLE_WIDTH_PX, PrintView } from './pages/print.page.ts';
import { ReviewPage } from './pages/review.page.ts';
import { DEMO_USERS, type E2eServer, startE2eServer } from './support/server.ts';
import { BrowserSessions } from './support/sessions.ts';

type Seeded = { id: string; projectName: string; fiscalYear: number; unit: string };

/**
 * 打印: the published report on the portal, a draft in the editor and the review page, each with its 打印 button
 * and, in print media, without navigation or controls, with a header naming unit, project and year, and the
 * 自评表 within A4's printable width; each prints to a PDF.
 */
describe('printing the 自评表, in Chromium', () => {
  let server: E2eServer;
  const sessions = new BrowserSessions(() => server.url);
  let published: Seeded;
  let draft: Seeded;

  const evaluation = (status: 'published' | 'draft') =>
    server.running.database.db
      .selectFrom('evaluations')
      .innerJoin('organizations', 'organizations.id', 'evaluations.organization_id')
      .innerJoin('user_roles', 'user_roles.organization_id', 'evaluations.organization_id')
      .innerJoin('users', 'users.id', 'user_roles.user_id')
      .select([
        'evaluations.id',
        'evaluations.project_name as projectName',
        'evaluations.fiscal_year as fiscalYear',
        'organizations.name as unit',
      ])
      .where('evaluations.status', '=', status)
      .where('users.username', '=', DEMO_USERS.filler)
      .orderBy('evaluations.fiscal_year')
      .executeTakeFirstOrThrow();

  beforeAll(async () => {
    server = await startE2eServer('demo');
    await sessions.start();
    published = await evaluation('published');
    draft = await evaluation('draft');
  }, 180_000);

  beforeEach(({ task, onTestFailed }) => onTestFailed(() => sessions.reportFailure(task.name)));

  afterAll(async () => {
    await sessions.close();
    await server?.close();
  });

  /** What every printed page must be: its header, no controls, the tables on A4, a PDF with pages. */
  const expectPrintable = async (print: PrintView, seeded: Seeded, tables: string) => {
    expect(await print.clickPrint()).toBe(1);
    // On the screen the same look-up finds the navigation and buttons, so the empty list in print means something.
    expect(await print.visibleControls()).toContainEqual(expect.stringMatching(/^打\s*印$/u));
    await print.emulatePrint();
    const header = await print.header();
    expect(header).toContain(`${seeded.fiscalYear} 年度`);
    expect(header).toContain(seeded.projectName);
    expect(header).toContain(seeded.unit);
    expect(await print.visibleControls()).toEqual([]);
    const widths = await print.tableWidths(tables);
    expect(widths.length).toBeGreaterThan(0);
    for (const width of widths) {
      expect(width).toBeGreaterThan(0);
      expect(width).toBeLessThanOrEqual(A4_PRINTABLE_WIDTH_PX);
    }
    const pdf = await print.pdf();
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.toString('latin1').match(/\/Type\s*\/Page\b/gu)?.length ?? 0).toBeGreaterThan(0);
    await print.emulateScreen();
  };

  it('the published report on the portal prints with every 计分说明 open', async () => {
    const page = await sessions.newPage();
    await page.goto(`${server.url}/reports/${published.id}`);
    await page.getByRole('heading', { name: '项目支出绩效自评表' }).waitFor();
    const print = new PrintView(page);
    await expectPrintable(print, published, '.portal-table');
    await print.emulatePrint();
    await page.locator('.portal-explain-row').first().waitFor();
    expect(await page.locator('.portal-explain-row').first().isVisible()).toBe(true);
    await print.emulateScreen();
    // On the screen the explanations stay folded until asked for.
    await page.locator('.portal-explain-row').first().waitFor({ state: 'hidden' });
    expect(sessions.errors).toEqual([]);
  }, 120_000);

  it('a draft in the editor prints its cells as text, without the row controls', async () => {
    const page = await sessions.signedIn(DEMO_USERS.filler);
    await page.goto(`${server.url}/app/evaluations/${draft.id}`);
    const editor = new EditorPage(page);
    await editor.waitUntilLoaded();
    const firstName = await page.getByLabel('第 1 行三级指标名称', { exact: true }).inputValue();
    const print = new PrintView(page);
    await expectPrintable(print, draft, '.indicator-table');
    await print.emulatePrint();
    await page.locator('.indicator-table .print-value', { hasText: firstName }).first().waitFor();
    await print.emulateScreen();
    expect(sessions.errors).toEqual([]);
  }, 120_000);

  it('the review page prints the 自评表 without the decisions', async () => {
    const page = await sessions.signedIn(DEMO_USERS.financeReviewer);
    await page.goto(`${server.url}/app/review/${published.id}`);
    await new ReviewPage(page).waitUntilLoaded();
    await expectPrintable(new PrintView(page), published, '.indicator-table');
    expect(sessions.errors).toEqual([]);
  }, 120_000);
});
