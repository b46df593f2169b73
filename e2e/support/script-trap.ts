import type { BrowserContext, Page } from 'playwright-core';

/**
 * Text that would run if it ever became markup: each payload calls `top.__xss(where)`. The visible marker
 * lets a page be waited for until the planted text has rendered (as text).
 */
export const MARKER = 'XSS标记';

export const payload = (where: string): string =>
  `${MARKER}${where}<img src=x onerror="top.__xss('${where} img')"><script>top.__xss('${where} script')</script>` +
  `<svg onload="top.__xss('${where} svg')"></svg><img src=y onerror=alert('${where}')>`;

/** The payload: an iframe whose script is an uploaded file, loaded from our own origin. */
export const attachmentPayload = (where: string, attachmentId: string): string =>
  `${payload(where)}<iframe srcdoc="<script src=/api/attachments/${attachmentId}></script>"></iframe>`;

/** A report file that is also a script: the report is a comment to JavaScript, the code a line of text to the reader. */
export const polyglotReport = (report: string): string =>
  `top.__xss('attachment ran as a script'); /*\n${report}\n*/\n`;

// Every frame of a watched context (iframes from srcdoc too) can report, and reports what its CSP refused:
// markup that got into the DOM shows as a refused inline handler, inline script or script URL even where the
// CSP stopped it. A refused eval is not markup: zod probes once whether it may compile validators with
// Function('') and falls back when refused.
const INIT_SCRIPT = `(() => {
  window.__xss = (what) => window.__xssHit('script ran: ' + what + ' in ' + location.href);
  document.addEventListener('securitypolicyviolation', (event) => {
    if (event.blockedURI === 'eval') return;
    window.__xssHit('CSP refused ' + event.violatedDirective + ' (' + event.blockedURI + ') in ' + location.href);
  });
})();`;

/** Collects every sign of a planted script: a call of top.__xss, a dialog, a CSP violation. */
export class ScriptTrap {
  readonly hits: string[] = [];
  private readonly contexts = new Set<BrowserContext>();

  /** Watches the page's whole context: pages navigated after this carry the trap in every frame. */
  async watch(page: Page): Promise<Page> {
    const context = page.context();
    if (!this.contexts.has(context)) {
      this.contexts.add(context);
      await context.exposeBinding('__xssHit', (_source, what: string) => {
        this.hits.push(what);
      });
      await context.addInitScript(INIT_SCRIPT);
      for (const open of context.pages()) this.onDialog(open);
      context.on('page', (opened) => this.onDialog(opened));
    }
    return page;
  }

  private onDialog(page: Page): void {
    page.on('dialog', (dialog) => {
      this.hits.push(`dialog ${dialog.type()}: ${dialog.message()} in ${page.url()}`);
      void dialog.dismiss();
    });
  }
}
