import type { Locator, Page } from 'playwright-core';

/** A4's printable width at 96 dpi: 190 mm (210 mm less 10 mm margins) ≈ 718 px. */
export const A4_PRINTABLE_WIDTH_PX = Math.floor((190 / 25.4) * 96);

/** Any page with 打印 (the portal report, the editor, the review page), seen as it prints. */
export class PrintView {
  constructor(private readonly page: Page) {}

  printButton(): Locator {
    return this.page.getByRole('button', { name: /^打\s*印$/u });
  }

  /** Clicks 打印 with the print dialog replaced by a counter (a headless browser has no dialog); how often it was asked for. */
  async clickPrint(): Promise<number> {
    await this.page.evaluate('window.printCalls = 0; window.print = () => { window.printCalls += 1; };');
    await this.printButton().click();
    return this.page.evaluate<number>('window.printCalls');
  }

  async emulatePrint(): Promise<void> {
    await this.page.emulateMedia({ media: 'print' });
  }

  async emulateScreen(): Promise<void> {
    await this.page.emulateMedia({ media: 'screen' });
  }

  /**
   * The navigation and buttons a person could still see, as their text. Figures that are buttons on the screen only
   * to open their explanation (a row's 复核 points, the 预算执行 line) print as text and are not counted.
   */
  visibleControls(): Promise<string[]> {
    const controls = [
      'nav',
      '.ant-layout-header',
      '.portal-header',
      '[role="menu"]',
      '[role="button"]',
      // Score buttons print as their figure, without the caret.
      'button:not(.points-button):not(.plain-button):not(.portal-explain-toggle)',
      '.ant-btn:not(.points-button)',
    ];
    return this.page.locator(controls.map((selector) => `${selector}:visible`).join(', ')).allTextContents();
  }

  /** The print header's text (unit, project, year), once shown. */
  async header(): Promise<string> {
    const header = this.page.locator('.print-header');
    await header.waitFor();
    return ((await header.textContent()) ?? '').replace(/\s+/gu, ' ');
  }

  /** The rendered width of each table matching `selector`, each waited for to be visible. */
  async tableWidths(selector: string): Promise<number[]> {
    const tables = this.page.locator(selector);
    await tables.first().waitFor();
    const widths: number[] = [];
    for (const table of await tables.all()) {
      await table.waitFor();
      // The table's full width, including anything that would overflow its box.
      widths.push(
        await table.evaluate((element) => Math.max(element.getBoundingClientRect().width, element.scrollWidth)),
      );
    }
    return widths;
  }

  /** The page printed to an A4 PDF as the browser's print would (print media, the page's @page rules). */
  pdf(): Promise<Buffer> {
    return this.page.pdf({ format: 'A4', preferCSSPageSize: true });
  }
}
