import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { zipSync } from 'fflate';
import { type Page, request } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { hostileForm } from './support/hostile-form.ts';
import { MARKER, payload, polyglotReport, ScriptTrap } from './support/script-trap.ts';
import { DEMO_PASSWORD, DEMO_USERS, type E2eServer, SEED_REPORT, startE2eServer } from './support/server.ts';
import { BrowserSessions } from './support/sessions.ts';

const DEPARTMENT = '开福区住房和城乡建设局';
const TEMPORARY_PASSWORD = 'Temp#Passw0rd-2026';
const PEOPLE = { filler: 'xss.filler', approver: 'xss.approver' } as const;

/** A payload short enough for the names an admin gives (accounts' display names are at most 100 characters). */
const namePayload = (where: string): string =>
  `${MARKER}${where}<img src=x onerror=top.__xss('${where}')><script>top.__xss(0)</script>`;

/** What the test reads of the chart's canvas (the Node side has no DOM types). */
type CanvasLike = {
  width: number;
  height: number;
  getBoundingClientRect: () => { width: number };
  getContext: (kind: '2d') => {
    getImageData: (
      x: number,
      y: number,
      width: number,
      height: number,
    ) => {
      data: Uint8ClampedArray;
      width: number;
      height: number;
    };
  } | null;
};

type Detail = { id: string; version: number; form: { indicators: { deviationNote: string }[] } };

/**
 * Issue 14: a filler's script ran in a reviewer's session through the dashboard's tooltip and an uploaded file
 * served as JavaScript. Here a unit an admin named with script, people named with script, and a report with
 * script in every field a filler types (its original a file that is also JavaScript, uploaded as
 * text/javascript) go through return, resubmission, review, publication and a bulk audit; every page that shows
 * them is opened (the dashboard's dot hovered until its tooltip shows), and nothing may run: no call of the
 * planted function, no dialog, no CSP violation (markup in the DOM that the policy had to refuse).
 */
describe('script planted in every field a user controls runs on no page', () => {
  let server: E2eServer;
  const sessions = new BrowserSessions(() => server.url);
  const trap = new ScriptTrap();
  const downloads = mkdtempSync(join(tmpdir(), 'jixiao-e2e-xss-'));
  let evaluationId = '';
  let attachmentId = '';

  const signedIn = async (username: string): Promise<Page> => trap.watch(await sessions.signedIn(username));

  /** The API as the page's person (their cookies, their CSRF token). */
  const call = async <T>(page: Page, method: string, path: string, data?: unknown): Promise<T> => {
    const csrf = (await page.context().cookies()).find((cookie) => cookie.name === 'jixiao_csrf')?.value ?? '';
    const response = await page.request.fetch(`${server.url}${path}`, {
      method,
      headers: { 'x-csrf-token': csrf },
      ...(data === undefined ? {} : { data }),
    });
    if (!response.ok()) throw new Error(`${method} ${path} → ${response.status()}: ${await response.text()}`);
    return response.json();
  };

  /** Opens a page and waits until the planted text shows on it (as text). */
  const visit = async (page: Page, path: string): Promise<void> => {
    await page.goto(`${server.url}${path}`);
    await page.getByText(MARKER).filter({ visible: true }).first().waitFor();
  };

  /** Opens a downloaded HTML document from disk, as its reader would, and waits for the planted text. */
  const openSaved = async (page: Page, name: string, bytes: Buffer): Promise<void> => {
    const file = join(downloads, name);
    writeFileSync(file, bytes);
    await page.goto(pathToFileURL(file).href);
    await page.getByText(MARKER).filter({ visible: true }).first().waitFor();
  };

  /** An account an admin creates has to change its password first: done here over the API. */
  const firstSignIn = async (username: string): Promise<void> => {
    const client = await request.newContext({ baseURL: server.url });
    try {
      const login = await client.post('/api/auth/login', { data: { username, password: TEMPORARY_PASSWORD } });
      const { csrfToken } = await login.json();
      const changed = await client.post('/api/auth/password', {
        headers: { 'x-csrf-token': csrfToken },
        data: { currentPassword: TEMPORARY_PASSWORD, newPassword: DEMO_PASSWORD },
      });
      expect(changed.status(), await changed.text()).toBeLessThan(300);
    } finally {
      await client.dispose();
    }
  };

  const transition = (page: Page, action: string, reason?: string) =>
    call(page, 'POST', `/api/evaluations/${evaluationId}/${action}`, reason === undefined ? {} : { reason });

  beforeAll(async () => {
    server = await startE2eServer('accounts');
    await sessions.start();
  });

  beforeEach(({ task, onTestFailed }) => onTestFailed(() => sessions.reportFailure(task.name)));

  afterAll(async () => {
    await sessions.close();
    await server?.close();
    rmSync(downloads, { recursive: true, force: true });
  });

  it('an admin names a unit and its people with script; its filler plants script in every field and submits', async () => {
    const admin = await signedIn(DEMO_USERS.admin);
    const organizations = await call<{ id: string; name: string }[]>(admin, 'GET', '/api/organizations');
    const parentId = organizations.find((item) => item.name === DEPARTMENT)?.id;
    const unit = await call<{ id: string }>(admin, 'POST', '/api/organizations', {
      name: namePayload('unit'),
      kind: 'budget_unit',
      parentId,
    });
    for (const [role, username] of [
      ['unit_filler', PEOPLE.filler],
      ['unit_approver', PEOPLE.approver],
    ] as const) {
      await call(admin, 'POST', '/api/users', {
        username,
        displayName: namePayload(role),
        password: TEMPORARY_PASSWORD,
        roles: [{ organizationId: unit.id, role }],
      });
      await firstSignIn(username);
    }

    const filler = await signedIn(PEOPLE.filler);
    const imported = await call<{
      evaluation: { id: string; version: number; fiscalYear: number };
      attachmentId: string;
    }>(filler, 'POST', '/api/evaluations/import', {
      organizationId: unit.id,
      fileName: `报告<img src=x onerror=top.__xss('file name')>.txt`,
      contentBase64: Buffer.from(polyglotReport(readFileSync(SEED_REPORT, 'utf8'))).toString('base64'),
      mediaType: 'text/javascript',
      // The seed names 征收办, not this new unit: filed here all the same, as the filler would after being asked.
      confirmUnitMismatch: true,
    });
    evaluationId = imported.evaluation.id;
    attachmentId = imported.attachmentId;
    await call(filler, 'PUT', `/api/evaluations/${evaluationId}`, {
      expectedVersion: imported.evaluation.version,
      // A draft keeps the year it was imported for.
      form: { ...hostileForm(attachmentId), fiscalYear: imported.evaluation.fiscalYear },
    });
    await transition(filler, 'submit');

    const approver = await signedIn(PEOPLE.approver);
    await transition(approver, 'return', payload('return reason'));
    const returned = await call<Detail>(filler, 'GET', `/api/evaluations/${evaluationId}`);
    const [first, ...rest] = returned.form.indicators;
    await call(filler, 'PUT', `/api/evaluations/${evaluationId}`, {
      expectedVersion: returned.version,
      form: { ...returned.form, indicators: [{ ...first, deviationNote: payload('answer') }, ...rest] },
    });
    await transition(filler, 'submit');
    await transition(approver, 'approve');
    expect(trap.hits).toEqual([]);
  });

  it('shows it as text to the filler and the unit approver: home, list, editor, review', async () => {
    const filler = await signedIn(PEOPLE.filler);
    await visit(filler, '/app/evaluations');
    await visit(filler, `/app/evaluations/${evaluationId}`);
    await filler.getByText('复核得分（实时）').waitFor();
    const approver = await signedIn(PEOPLE.approver);
    await visit(approver, `/app/review/${evaluationId}`);
    await approver.locator('#review-changes').getByText(MARKER).first().waitFor();
    expect(trap.hits).toEqual([]);
  });

  it('shows the department reviewer its home, queue, review page and dashboard, whose dot’s tooltip is text', async () => {
    const reviewer = await signedIn(DEMO_USERS.departmentReviewer);
    await visit(reviewer, '/app');
    await visit(reviewer, '/app/review');
    await visit(reviewer, `/app/review/${evaluationId}`);
    await reviewer.locator('#review-history').getByText(MARKER).first().waitFor();

    await reviewer.goto(`${server.url}/app/dashboard`);
    const chart = reviewer.getByRole('img', { name: '执行率与得分散点图' });
    const canvas = chart.locator('canvas');
    await canvas.waitFor();
    // The one dot is the only saturated colour on the chart (axes and labels are grey): hover its middle.
    const dot = async () =>
      canvas.evaluate((element: CanvasLike) => {
        const image = element.getContext('2d')?.getImageData(0, 0, element.width, element.height);
        if (!image) return null;
        const { data, width, height } = image;
        let sumX = 0;
        let sumY = 0;
        let count = 0;
        for (let y = 0; y < height; y++)
          for (let x = 0; x < width; x++) {
            const at = (y * width + x) * 4;
            const [r = 0, g = 0, b = 0, a = 0] = data.subarray(at, at + 4);
            if (a > 200 && Math.max(r, g, b) - Math.min(r, g, b) > 80) {
              sumX += x;
              sumY += y;
              count++;
            }
          }
        const scale = element.width / element.getBoundingClientRect().width;
        return count === 0 ? null : { x: sumX / count / scale, y: sumY / count / scale };
      });
    await expect.poll(dot).not.toBeNull();
    const at = await dot();
    const box = await canvas.boundingBox();
    if (!at || !box) throw new Error('no dot on the scatter chart');
    await reviewer.mouse.move(box.x + at.x, box.y + at.y);
    const tooltip = chart.getByText(`${MARKER}projectName`);
    await tooltip.waitFor();
    expect(await tooltip.textContent()).toContain(`<iframe srcdoc="<script src=/api/attachments/${attachmentId}>`);
    expect(await chart.locator('img, iframe, script, svg').count()).toBe(0);
    expect(trap.hits).toEqual([]);
  });

  it('published, shows it to a visitor on the portal as text, and its HTML report opened from disk runs nothing', async () => {
    await transition(await signedIn(DEMO_USERS.departmentReviewer), 'approve');
    const finance = await signedIn(DEMO_USERS.financeReviewer);
    await transition(finance, 'approve');
    await transition(finance, 'publish');

    const visitor = await trap.watch(await sessions.newPage());
    await visit(visitor, '/');
    await visit(visitor, `/reports/${evaluationId}`);
    const report = await visitor.request.get(
      `${server.url}/api/public/evaluations/${evaluationId}/documents/report.html`,
    );
    expect(report.status()).toBe(200);
    await openSaved(visitor, 'report.html', await report.body());
    expect(trap.hits).toEqual([]);
  });

  it('shows the admin the unit and the accounts named with script as text', async () => {
    const admin = await signedIn(DEMO_USERS.admin);
    await visit(admin, '/app/organizations');
    await visit(admin, '/app/accounts');
    expect(trap.hits).toEqual([]);
  });

  it('shows a bulk audit of reports with script in their file names and fields as text, on the page and on disk', async () => {
    const reviewer = await signedIn(DEMO_USERS.departmentReviewer);
    const report = new TextEncoder().encode(JSON.stringify(hostileForm(attachmentId)));
    const zip = zipSync({
      "报告<img src=x onerror=top.__xss('bulk file')>.json": report,
      "目录<svg onload=top.__xss('bulk folder')>/表<img src=x onerror=alert(1)>.json": report,
    });
    const job = await call<{ id: string }>(reviewer, 'POST', '/api/bulk-audits', {
      fileName: `批量<img src=x onerror=top.__xss('zip name')>.zip`,
      contentBase64: Buffer.from(zip).toString('base64'),
    });
    await expect
      .poll(async () => (await call<{ status: string }>(reviewer, 'GET', `/api/bulk-audits/${job.id}`)).status)
      .toBe('done');
    await visit(reviewer, `/app/bulk-audits/${job.id}`);
    const summary = await reviewer.request.get(`${server.url}/api/bulk-audits/${job.id}/summary.html`);
    expect(summary.status()).toBe(200);
    await openSaved(reviewer, 'summary.html', await summary.body());
    expect(trap.hits).toEqual([]);
  });

  it('never runs the uploaded file as a script of the app, even where markup got into a page', async () => {
    const reviewer = await signedIn(DEMO_USERS.departmentReviewer);
    await visit(reviewer, `/app/review/${evaluationId}`);
    const src = `/api/attachments/${attachmentId}`;
    // What an injected <script src> would do, done directly: the browser must refuse to run the file.
    const outcome = await reviewer.evaluate(`new Promise((resolve) => {
      const script = document.createElement('script');
      script.src = ${JSON.stringify(src)};
      script.onload = () => resolve('ran');
      script.onerror = () => resolve('refused');
      document.head.append(script);
    })`);
    expect(outcome).toBe('refused');
    expect(trap.hits).toEqual([]);
  });

  it('raised no uncaught error in any page', () => {
    expect(sessions.errors).toEqual([]);
  });
});
