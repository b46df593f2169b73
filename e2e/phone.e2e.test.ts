import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { LoginPage } from './pages/login.page.ts';
import { seedBudgetYear } from './support/budget-year-seed.ts';
import { DEMO_USERS, type E2eServer, startE2eServer } from './support/server.ts';
import { BrowserSessions } from './support/sessions.ts';

/** An iPhone 12–15's CSS viewport. */
const PHONE = { width: 390, height: 844 };

/** How far the page reaches past the screen's right edge (0 when nothing overflows sideways). */
const overflow = (page: Page): Promise<number> =>
  page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');

/** The signed-in pages one person reaches from the menu, read from the phone's navigation drawer. */
const menuPaths = async (page: Page): Promise<string[]> => {
  await page.getByRole('button', { name: '打开导航菜单' }).click();
  const drawer = page.getByRole('dialog');
  const links = drawer.locator('.ant-menu a');
  await links.first().waitFor();
  const hrefs = await links.evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute('href') ?? ''));
  await page.keyboard.press('Escape');
  await drawer.waitFor({ state: 'hidden' });
  return hrefs;
};

describe('signed-in pages on a phone (390 px)', () => {
  let server: E2eServer;
  const sessions = new BrowserSessions(() => server.url);

  beforeAll(async () => {
    server = await startE2eServer();
    await sessions.start();
  });

  beforeEach(({ task, onTestFailed }) => onTestFailed(() => sessions.reportFailure(task.name)));

  afterAll(async () => {
    await sessions.close();
    await server?.close();
  });

  it.each([
    ['the unit filler', DEMO_USERS.filler],
    ['the department reviewer', DEMO_USERS.departmentReviewer],
    ['the finance reviewer', DEMO_USERS.financeReviewer],
    ['the administrator', DEMO_USERS.admin],
  ])('gives %s a navigation drawer and no page wider than the screen', async (_, username) => {
    const page = await sessions.newPage({ viewport: PHONE });
    await new LoginPage(page, server.url).signIn(username);
    const paths = await menuPaths(page);
    expect(paths.length).toBeGreaterThan(1);
    const wide: string[] = [];
    for (const path of paths) {
      await page.goto(`${server.url}${path}`);
      await page.locator('#main h1, #main h2, #main h3').first().waitFor();
      // Let lists and charts that load after the heading take their width.
      await page.waitForLoadState('networkidle');
      const extra = await overflow(page);
      if (extra > 0) wide.push(`${path}: ${extra} px`);
    }
    expect(wide).toEqual([]);
    expect(sessions.errors).toEqual([]);
  });

  it('opens an evaluation in the editor and a review on a phone without sideways scrolling', async () => {
    const page = await sessions.newPage({ viewport: PHONE });
    await new LoginPage(page, server.url).signIn(DEMO_USERS.financeReviewer);
    const { items } = await (await page.request.get(`${server.url}/api/evaluations?pageSize=1`)).json();
    const id = (items as { id: string }[])[0]?.id;
    expect(id).toBeDefined();
    for (const path of [`/app/evaluations/${id}`, `/app/review/${id}`]) {
      await page.goto(`${server.url}${path}`);
      await page.locator('#main h3').first().waitFor();
      await page.waitForLoadState('networkidle');
      expect({ path, overflow: await overflow(page) }).toEqual({ path, overflow: 0 });
    }
  });
  it('opens the declaration editor and the monitoring form on a phone without sideways scrolling', async () => {
    const year = 2026;
    const seed = await seedBudgetYear((username) => sessions.signedIn(username), server.url, year);
    const page = await sessions.newPage({ viewport: PHONE });
    await new LoginPage(page, server.url).signIn(DEMO_USERS.filler);
    for (const path of [
      `/app/declarations/${seed.returnedId}`,
      `/app/monitoring/${seed.monitoringId}`,
      '/app/declarations',
      `/app/monitoring?year=${year}`,
    ]) {
      await page.goto(`${server.url}${path}`);
      await page.locator('#main h2').first().waitFor();
      await page.waitForLoadState('networkidle');
      expect({ path, overflow: await overflow(page) }).toEqual({ path, overflow: 0 });
    }
    expect(sessions.errors).toEqual([]);
  });
});
