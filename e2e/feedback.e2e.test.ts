import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FeedbackModerationPage, PortalFeedbackSection } from './pages/feedback.page.ts';
import { PortalPage } from './pages/portal.page.ts';
import { MARKER, payload, ScriptTrap } from './support/script-trap.ts';
import { DEMO_USERS, type E2eServer, startE2eServer } from './support/server.ts';
import { BrowserSessions } from './support/sessions.ts';

const PROJECT = '征收工作经费';
const QUESTION = '征收片区的安置房什么时候交付？报告里没有写进度。';
const REPLY = '安置房已于 2023 年 6 月交付，进度将在下一年度自评中公开。';

/**
 * 反馈: a visitor writes on the published seed report without an account; the bureau publishes it with a reply
 * and turns it into a 整改 item; the portal shows the message and the reply. A message made of markup stays text.
 */
describe('public feedback on a published report, in Chromium', () => {
  let server: E2eServer;
  const sessions = new BrowserSessions(() => server.url);
  const trap = new ScriptTrap();

  const openReport = async (): Promise<{ page: Page; feedback: PortalFeedbackSection }> => {
    const page = await trap.watch(await sessions.newPage());
    const portal = new PortalPage(page, server.url);
    await portal.open();
    await portal.openReport(PROJECT);
    const feedback = new PortalFeedbackSection(page);
    await feedback.waitUntilLoaded();
    return { page, feedback };
  };

  beforeAll(async () => {
    server = await startE2eServer('demo');
    await sessions.start();
  }, 180_000);

  beforeEach(({ task, onTestFailed }) => onTestFailed(() => sessions.reportFailure(task.name)));

  afterAll(async () => {
    await sessions.close();
    await server?.close();
  });

  it('a visitor sends feedback and is told it waits for review; markup is kept as text', async () => {
    const { feedback } = await openReport();
    // The demo's published message with its reply is shown; the waiting one is not.
    await feedback.items().filter({ hasText: '补偿款是否都已到账' }).getByText('财政部门答复').waitFor();
    expect(await feedback.section().textContent()).not.toContain('满意度指标');
    // The honeypot is in the DOM for bots, off screen for people and outside the accessibility tree.
    expect(await feedback.honeypot().count()).toBe(1);
    const box = await feedback.honeypot().boundingBox();
    expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(0);
    expect(await feedback.section().getByRole('textbox', { name: '网站' }).count()).toBe(0);

    await feedback.send(QUESTION, '13800000000');
    await expect.poll(async () => feedback.outcome().textContent()).toContain('经审核后将在本页公开');
    await feedback.send(payload('feedback'));
    await expect.poll(async () => feedback.outcome().textContent()).toContain('经审核后将在本页公开');
  }, 90_000);

  it('the bureau publishes it with a reply and turns it into a 整改 item; the portal shows both', async () => {
    const page = await trap.watch(await sessions.signedIn(DEMO_USERS.financeReviewer));
    const moderation = new FeedbackModerationPage(page, server.url);
    await moderation.open();
    await moderation.card(QUESTION).waitFor();
    expect(await moderation.card(QUESTION).textContent()).toContain('13800000000');
    await moderation.act(QUESTION, '公开并答复', { '答复（与反馈一并公开）': REPLY });
    await moderation.card(QUESTION).getByText('已公开').waitFor();
    await moderation.act(QUESTION, '转为整改', { '整改措施（选填）': '在下一年度自评中公开安置房交付进度' });
    await moderation.card(QUESTION).getByText('已转为整改事项').waitFor();
    await moderation.act(`${MARKER}feedback`, '公开并答复', { '答复（与反馈一并公开）': '<b>已收到</b>' });

    const { page: visitor, feedback } = await openReport();
    const item = feedback.items().filter({ hasText: QUESTION });
    await item.getByText(REPLY).waitFor();
    expect(await item.textContent()).toContain('财政部门答复');
    expect(await feedback.section().textContent()).not.toContain('13800000000');
    // The markup arrived as text: its characters are on the page, no element was made from them.
    const planted = feedback.items().filter({ hasText: MARKER });
    await planted.waitFor();
    expect(await planted.textContent()).toContain('<img src=x onerror=');
    expect(await planted.textContent()).toContain('<b>已收到</b>');
    expect(await planted.locator('img, script, svg, b').count()).toBe(0);
    expect(await visitor.locator('section.portal-feedback img').count()).toBe(0);
    expect(trap.hits).toEqual([]);
  }, 90_000);
});
