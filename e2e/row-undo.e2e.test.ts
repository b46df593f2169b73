import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { EditorPage } from './pages/editor.page.ts';
import { DEMO_USERS, type E2eServer, startE2eServer } from './support/server.ts';
import { BrowserSessions } from './support/sessions.ts';

/** Deleting an indicator row happens at once; its message offers 撤销, which puts the row back where it was. */
describe('deleting an indicator row with 撤销, in Chromium', () => {
  let server: E2eServer;
  const sessions = new BrowserSessions(() => server.url);
  let draftId: string;

  beforeAll(async () => {
    server = await startE2eServer('demo');
    await sessions.start();
    const draft = await server.running.database.db
      .selectFrom('evaluations')
      .innerJoin('user_roles', 'user_roles.organization_id', 'evaluations.organization_id')
      .innerJoin('users', 'users.id', 'user_roles.user_id')
      .select('evaluations.id')
      .where('evaluations.status', '=', 'draft')
      .where('users.username', '=', DEMO_USERS.filler)
      .executeTakeFirstOrThrow();
    draftId = draft.id;
  }, 180_000);

  beforeEach(({ task, onTestFailed }) => onTestFailed(() => sessions.reportFailure(task.name)));

  afterAll(async () => {
    await sessions.close();
    await server?.close();
  });

  it('a row deleted, another row edited, then 撤销: the row is back at its place and the edit stays', async () => {
    const page = await sessions.signedIn(DEMO_USERS.filler);
    await page.goto(`${server.url}/app/evaluations/${draftId}`);
    const editor = new EditorPage(page);
    await editor.waitUntilLoaded();
    const name = (row: number) => page.getByLabel(`第 ${row} 行三级指标名称`, { exact: true }).inputValue();
    const before = await Promise.all([name(1), name(2), name(3)]);

    await editor.deleteRow(2);
    await editor
      .removalMessage()
      .filter({ hasText: `已删除第 2 行“${before[1]}”` })
      .waitFor();
    await expect.poll(() => name(2)).toBe(before[2]);
    await editor.cell(1, '年度指标值').fill('≥99');

    await editor.undoDeletion(before[1] ?? '');
    await expect.poll(() => Promise.all([name(1), name(2), name(3)])).toEqual(before);
    expect(await editor.cell(1, '年度指标值').inputValue()).toBe('≥99');
    await editor.removalMessage().waitFor({ state: 'detached' });
    expect(sessions.errors).toEqual([]);
  }, 120_000);
});
