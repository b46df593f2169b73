import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { LoginPage } from '../pages/login.page.ts';
import { launchBrowser } from './browser.ts';

/** Where a failed browser test leaves its screenshots: printed with the failure, kept after the run. */
export const FAILURE_DIR = join(tmpdir(), 'jixiao-e2e-failures');

const LOG_LINES = 40;

/**
 * How long a page action or wait may take before the test fails: a ceiling for a hung page, not a timing.
 * Playwright's 30 s default was reached on a two-core machine running the suite beside another CPU-bound process.
 */
export const BROWSER_WAIT_CEILING_MS = 90_000;

/**
 * The people of a browser test, each in their own context (their own cookies, as on their own computer),
 * signed in once and kept. Every page's uncaught errors and server errors (5xx) are collected for the test
 * that asserts there were none; console errors and every API answer of 400 or more are kept as a log, which a
 * failed test prints with a screenshot of each open page, so a failure on CI says what the pages saw.
 */
export class BrowserSessions {
  readonly errors: string[] = [];
  private readonly log: string[] = [];
  private readonly contexts: BrowserContext[] = [];
  private readonly people = new Map<string, Page>();
  private browser: Browser | undefined;

  constructor(private readonly baseUrl: () => string) {}

  async start(): Promise<void> {
    this.browser = await launchBrowser();
  }

  /**
   * A new anonymous visitor's page. Its browser asks for reduced motion unless told otherwise: the app then opens
   * dialogs and drawers without antd's animations, so a test's click never lands on a dialog still zooming in,
   * and the browser does not render animation frames on a busy machine.
   */
  async newPage(
    options: {
      acceptDownloads?: boolean;
      viewport?: { width: number; height: number };
      reducedMotion?: 'reduce' | 'no-preference';
    } = {},
  ): Promise<Page> {
    if (!this.browser) throw new Error('BrowserSessions.start() was not called');
    const context = await this.browser.newContext({
      viewport: options.viewport ?? { width: 1366, height: 768 },
      locale: 'zh-CN',
      acceptDownloads: options.acceptDownloads ?? false,
      reducedMotion: options.reducedMotion ?? 'reduce',
    });
    context.setDefaultTimeout(BROWSER_WAIT_CEILING_MS);
    this.contexts.push(context);
    const page = await context.newPage();
    const name = `page ${this.contexts.length}`;
    page.on('pageerror', (error) => {
      this.errors.push(error.message);
      this.note(`${name} uncaught: ${error.message}`);
    });
    page.on('console', (message) => {
      if (message.type() === 'error') this.note(`${name} console: ${message.text().slice(0, 300)}`);
    });
    page.on('response', (response) => {
      const status = response.status();
      if (status < 400 || !response.url().includes('/api/')) return;
      const line = `${name} ${response.request().method()} ${response.url().replace(this.baseUrl(), '')} → ${status}`;
      if (status >= 500) this.errors.push(line);
      this.note(line);
    });
    return page;
  }

  /** The page of a person, signed in the first time it is asked for and kept signed in after. */
  async signedIn(username: string): Promise<Page> {
    const known = this.people.get(username);
    if (known) return known;
    const page = await this.newPage();
    await new LoginPage(page, this.baseUrl()).signIn(username);
    this.people.set(username, page);
    return page;
  }

  /** A screenshot of every open page and the log so far, for a test that failed. */
  async reportFailure(testName: string): Promise<void> {
    mkdirSync(FAILURE_DIR, { recursive: true });
    const slug = testName.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 60);
    const shots: string[] = [];
    for (const [index, context] of this.contexts.entries()) {
      for (const page of context.pages()) {
        const path = join(FAILURE_DIR, `${Date.now()}-${slug}-${index + 1}.png`);
        try {
          await page.screenshot({ path, fullPage: true });
          shots.push(`${page.url()} → ${path}`);
        } catch (error) {
          shots.push(`${page.url()}: no screenshot (${String(error)})`);
        }
      }
    }
    console.error(
      [`browser test failed: ${testName}`, 'pages:', ...shots, 'log:', ...this.log.slice(-LOG_LINES)].join('\n  '),
    );
  }

  async close(): Promise<void> {
    for (const context of this.contexts) await context.close();
    await this.browser?.close();
  }

  private note(line: string): void {
    this.log.push(`${new Date().toISOString().slice(11, 23)} ${line}`);
  }
}
