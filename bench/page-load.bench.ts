/**
 * Cold page loads as a user on a modest connection meets them, with and without the precompressed assets, in one
 * run: the real server (`npm start`'s, demo data) and Debian's Chromium, the network throttled through the
 * DevTools protocol (LINK below), a fresh browser context per load (empty cache). The baseline is the same load
 * with `Accept-Encoding: identity`, i.e. what the server sent before the build wrote .br/.gz copies. Pages: the
 * portal list, a published report, the sign-in page, and a signed-in editor (signed in first, not timed).
 * Reports the median of RUNS loads, bytes over the wire, and the ratio compressed / identity. Writes
 * bench/results/page-load.json.
 *
 *   npx tsx --conditions=jixiao-source bench/page-load.bench.ts [localhost]
 *
 * With `localhost` the network is not throttled (what the issue measured signed-in pages on: bytes cost nothing,
 * so the time is script work and round trips); results go to bench/results/page-load-localhost.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext } from 'playwright-core';
import { launchBrowser } from '../e2e/support/browser.ts';
import { DEMO_PASSWORD, DEMO_USERS, startE2eServer } from '../e2e/support/server.ts';
import { ensureWebBuild } from '../scripts/ensure-web-build.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const RUNS = 5;
const UNTHROTTLED = process.argv[2] === 'localhost';
/** A 10 Mbit/s line with 40 ms round trips: a county office's connection, not localhost. */
const LINK = {
  offline: false,
  latency: 40,
  downloadThroughput: (10_000_000 / 8) | 0,
  uploadThroughput: (5_000_000 / 8) | 0,
};

type Mode = 'identity' | 'compressed';
type PageCase = { name: string; path: string; ready: string; signedIn: boolean };

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

const signIn = async (context: BrowserContext, url: string): Promise<void> => {
  const page = await context.newPage();
  await page.goto(`${url}/login`);
  await page.getByLabel('用户名').fill(DEMO_USERS.filler);
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: /登\s*录/u }).click();
  await page.waitForURL(/\/app$/u);
  await page.close();
};

/** One cold load: new context (no cache), throttled, timed from navigation to the page's ready text. */
const loadOnce = async (browser: Browser, url: string, target: PageCase, mode: Mode) => {
  const context = await browser.newContext(
    mode === 'identity' ? { extraHTTPHeaders: { 'accept-encoding': 'identity' } } : {},
  );
  try {
    if (target.signedIn) await signIn(context, url);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    if (!UNTHROTTLED) await cdp.send('Network.emulateNetworkConditions', LINK);
    let bytes = 0;
    cdp.on('Network.loadingFinished', (event: { encodedDataLength: number }) => {
      bytes += event.encodedDataLength;
    });
    const started = performance.now();
    await page.goto(`${url}${target.path}`, { waitUntil: 'commit', timeout: 120_000 });
    await page.getByText(target.ready).first().waitFor({ timeout: 120_000 });
    const ms = performance.now() - started;
    return { ms, bytes };
  } finally {
    await context.close();
  }
};

await ensureWebBuild();
const server = await startE2eServer('demo');
const browser = await launchBrowser();
try {
  const published = (await (await fetch(`${server.url}/api/public/evaluations`)).json()) as {
    items: { id: string }[];
  };
  const reportId = published.items[0]?.id;
  const drafts = await (async () => {
    const context = await browser.newContext();
    await signIn(context, server.url);
    const response = await context.request.get(`${server.url}/api/evaluations?pageSize=1`);
    const body = (await response.json()) as { items: { id: string }[] };
    await context.close();
    return body.items;
  })();
  const cases: PageCase[] = [
    { name: 'portal list', path: '/', ready: '征收工作经费', signedIn: false },
    ...(reportId
      ? [{ name: 'published report', path: `/reports/${reportId}`, ready: '复核得分', signedIn: false }]
      : []),
    { name: 'sign-in page', path: '/login', ready: '预算绩效自评系统', signedIn: false },
    { name: '待办 (signed in)', path: '/app', ready: '您好', signedIn: true },
    ...(drafts[0]
      ? [{ name: 'editor (signed in)', path: `/app/evaluations/${drafts[0].id}`, ready: '审核发现', signedIn: true }]
      : []),
  ];
  const results = [];
  for (const target of cases) {
    const measured: Record<Mode, { ms: number[]; bytes: number[] }> = {
      identity: { ms: [], bytes: [] },
      compressed: { ms: [], bytes: [] },
    };
    // Interleaved, so a slower stretch of the machine falls on both modes alike.
    for (let run = 0; run < RUNS; run += 1) {
      for (const mode of ['identity', 'compressed'] as const) {
        const { ms, bytes } = await loadOnce(browser, server.url, target, mode);
        measured[mode].ms.push(ms);
        measured[mode].bytes.push(bytes);
      }
    }
    const identityMs = median(measured.identity.ms);
    const compressedMs = median(measured.compressed.ms);
    const identityKb = median(measured.identity.bytes) / 1024;
    const compressedKb = median(measured.compressed.bytes) / 1024;
    results.push({
      page: target.name,
      identityMs: Math.round(identityMs),
      compressedMs: Math.round(compressedMs),
      timeRatio: Number((compressedMs / identityMs).toFixed(2)),
      identityKb: Math.round(identityKb),
      compressedKb: Math.round(compressedKb),
      bytesRatio: Number((compressedKb / identityKb).toFixed(2)),
    });
    console.log(JSON.stringify(results.at(-1)));
  }
  const output = { runs: RUNS, link: UNTHROTTLED ? 'localhost, unthrottled' : LINK, results };
  mkdirSync(join(root, 'bench/results'), { recursive: true });
  writeFileSync(
    join(root, UNTHROTTLED ? 'bench/results/page-load-localhost.json' : 'bench/results/page-load.json'),
    `${JSON.stringify(output, null, 2)}\n`,
  );
} finally {
  await browser.close();
  await server.close();
}
