import { existsSync } from 'node:fs';
import { AppError } from '@jixiao/core';
import { type Browser, chromium, type Page } from 'playwright-core';

/** Debian's chromium; the flags keep it off the network and quiet on a server (no GPU, no sandbox as root). */
const CHROMIUM_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
  '--disable-dev-shm-usage',
];

export const findChromium = (): string | undefined =>
  [process.env['JIXIAO_CHROMIUM'], ...CHROMIUM_PATHS].find((path): path is string => Boolean(path && existsSync(path)));

/**
 * Renders HTML to PDF in Chromium. One browser and one page are opened on first use and reused for every
 * document — a launch costs seconds and a fresh page re-loads the CJK fonts — and renders run one at a time on
 * that page (JavaScript off, offline), each replacing the last one's content. `close()` releases the browser.
 */
export class PdfRenderer {
  #page: Promise<Page> | null = null;
  #browser: Browser | null = null;
  #queue: Promise<unknown> = Promise.resolve();
  #pending = 0;

  /** Renders asked for and not finished yet (the one running included). */
  get pending(): number {
    return this.#pending;
  }

  #open(): Promise<Page> {
    const executablePath = findChromium();
    if (!executablePath) {
      throw new AppError(
        'INTERNAL',
        '未找到 Chromium，无法生成 PDF（请运行 scripts/setup-system.sh 安装 chromium 与 fonts-noto-cjk）',
      );
    }
    this.#page ??= (async () => {
      this.#browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
      const context = await this.#browser.newContext({ javaScriptEnabled: false, offline: true });
      return context.newPage();
    })();
    return this.#page;
  }

  render(html: string): Promise<Uint8Array> {
    this.#pending += 1;
    const rendered = this.#queue.then(async () => {
      const page = await this.#open();
      await page.setContent(html, { waitUntil: 'load' });
      const pdf = await page.pdf({
        format: 'A4',
        preferCSSPageSize: true,
        printBackground: true,
        displayHeaderFooter: true,
        headerTemplate: '<span></span>',
        footerTemplate:
          '<div style="width:100%;text-align:center;font-size:12pt;font-family:\'Noto Serif CJK SC\',serif">— <span class="pageNumber"></span> —</div>',
      });
      return new Uint8Array(pdf);
    });
    this.#queue = rendered.catch(() => undefined);
    return rendered.finally(() => {
      this.#pending -= 1;
    });
  }

  async close(): Promise<void> {
    await this.#queue;
    const page = this.#page;
    this.#page = null;
    if (page) await page.catch(() => undefined);
    const browser = this.#browser;
    this.#browser = null;
    await browser?.close();
  }
}
