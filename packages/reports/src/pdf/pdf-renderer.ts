import { existsSync } from 'node:fs';
import { AppError } from '@jixiao/core';
import { type Browser, chromium } from 'playwright-core';

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
 * Renders HTML to PDF in Chromium. One browser is launched on first use and reused for every document (a
 * launch costs far more than a render); `close()` releases it. Pages are isolated and closed after each render.
 */
export class PdfRenderer {
  #browser: Promise<Browser> | null = null;

  #launch(): Promise<Browser> {
    const executablePath = findChromium();
    if (!executablePath) {
      throw new AppError(
        'INTERNAL',
        '未找到 Chromium，无法生成 PDF（请运行 scripts/setup-system.sh 安装 chromium 与 fonts-noto-cjk）',
      );
    }
    this.#browser ??= chromium.launch({ executablePath, args: CHROMIUM_ARGS });
    return this.#browser;
  }

  async render(html: string): Promise<Uint8Array> {
    const browser = await this.#launch();
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
    try {
      const page = await context.newPage();
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
    } finally {
      await context.close();
    }
  }

  async close(): Promise<void> {
    const browser = this.#browser;
    this.#browser = null;
    if (browser) await (await browser).close();
  }
}
